// Added to FerretDB's handler/common package by infra/setup.sh (EventoNight).
//
// FerretDB 1.24 writes each document an update command changed in a transaction of its own
// (BEGIN, UPDATE, COMMIT: three round trips to PostgreSQL per document), so an updateMany of
// 2,000 outbox documents cost 2,000 transactions. MongoDB applies such an update on the server
// in one operation. The handler now collects the changed documents and hands them to the
// backend together, which writes them in one transaction (update_all_pipelined.go).
//
// The command's write lock (document_write_lock.go) is held until the handler returns, so no
// other write sees the documents between their query and this write. A command that fails
// half way writes none of its documents (MongoDB would keep the ones written before the
// failure; nothing here relies on either).

package common

import (
	"context"

	"github.com/FerretDB/FerretDB/internal/backends"
	"github.com/FerretDB/FerretDB/internal/types"
)

// maxUpdateBatch bounds the documents held in memory before they are written.
const maxUpdateBatch = 1000

// updateBatch holds the documents one update command changed until they are written.
type updateBatch struct {
	docs []*types.Document
}

// add queues a changed document, writing the queue once it is full.
func (b *updateBatch) add(ctx context.Context, c backends.Collection, doc *types.Document) error {
	b.docs = append(b.docs, doc)
	if len(b.docs) < maxUpdateBatch {
		return nil
	}

	return b.flush(ctx, c)
}

// flush writes the queued documents in one backend call.
func (b *updateBatch) flush(ctx context.Context, c backends.Collection) error {
	if len(b.docs) == 0 {
		return nil
	}

	docs := b.docs
	b.docs = nil

	_, err := c.UpdateAll(ctx, &backends.UpdateAllParams{Docs: docs})

	return err
}

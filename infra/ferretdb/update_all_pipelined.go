// Added to FerretDB's backends/postgresql package by infra/setup.sh (EventoNight).
//
// FerretDB 1.24 sends the UPDATE of each document of a transaction and waits for its answer
// before sending the next. Here they are queued in one pgx batch: PostgreSQL receives them in
// one round trip and runs them in order in the same transaction, with the same statement.
// See update_batch.go for why a transaction now carries many documents.

package postgresql

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/lazyerrors"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

// updateAllPipelined runs `query` ($1 = the document, $2 = its _id) for every document in tx,
// all sent at once; it returns the number of rows updated.
func updateAllPipelined(ctx context.Context, tx pgx.Tx, query string, docs []*types.Document) (int32, error) {
	var batch pgx.Batch

	for _, doc := range docs {
		args, err := updateArgs(doc)
		if err != nil {
			return 0, err
		}

		batch.Queue(query, args...)
	}

	results := tx.SendBatch(ctx, &batch)

	var updated int32

	for range docs {
		tag, err := results.Exec()
		if err != nil {
			_ = results.Close()
			return updated, lazyerrors.Error(err)
		}

		updated += int32(tag.RowsAffected())
	}

	if err := results.Close(); err != nil {
		return updated, lazyerrors.Error(err)
	}

	return updated, nil
}

// updateArgs returns the arguments of FerretDB's UPDATE of one document: the document, its _id.
func updateArgs(doc *types.Document) ([]any, error) {
	b, err := sjson.Marshal(doc)
	if err != nil {
		return nil, lazyerrors.Error(err)
	}

	id, _ := doc.Get("_id")
	must.NotBeZero(id)

	return []any{b, must.NotFail(sjson.MarshalSingleValue(id))}, nil
}

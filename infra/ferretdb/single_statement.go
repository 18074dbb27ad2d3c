// Added to FerretDB's backends/postgresql package by infra/setup.sh (EventoNight).
//
// FerretDB 1.24 wraps every write in a transaction of its own, even one made of a single
// statement: BEGIN, the statement, COMMIT, three round trips to PostgreSQL for each inserted
// order or like and each document an update changed. One statement is atomic on its own, so
// an insert that fits one INSERT, and an update of one document, now run as that statement
// alone; writes of more than that keep their transaction.

package postgresql

import (
	"context"
	"errors"

	"github.com/jackc/pgerrcode"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/FerretDB/FerretDB/internal/backends"
	"github.com/FerretDB/FerretDB/internal/backends/postgresql/metadata"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/lazyerrors"
)

// insertOneStatement inserts docs (at most one batch) with one INSERT and no transaction,
// reporting a duplicate _id as FerretDB's insert does.
func insertOneStatement(ctx context.Context, p *pgxpool.Pool, dbName string, meta *metadata.Collection, docs []*types.Document) error {
	q, args, err := prepareInsertStatement(dbName, meta.TableName, meta.Capped(), docs)
	if err != nil {
		return lazyerrors.Error(err)
	}

	if _, err = p.Exec(ctx, q, args...); err != nil {
		var pgErr *pgconn.PgError
		if errors.As(err, &pgErr) && pgErr.Code == pgerrcode.UniqueViolation {
			return backends.NewError(backends.ErrorCodeInsertDuplicateID, err)
		}

		return lazyerrors.Error(err)
	}

	return nil
}

// updateOneStatement writes one changed document with `query` ($1 = the document, $2 = its
// _id, update_all_pipelined.go) and no transaction; it returns the number of rows updated.
func updateOneStatement(ctx context.Context, p *pgxpool.Pool, query string, doc *types.Document) (int32, error) {
	args, err := updateArgs(doc)
	if err != nil {
		return 0, err
	}

	tag, err := p.Exec(ctx, query, args...)
	if err != nil {
		return 0, lazyerrors.Error(err)
	}

	return int32(tag.RowsAffected()), nil
}

// Added to FerretDB's backends/postgresql package by infra/setup.sh (EventoNight).
//
// FerretDB 1.24 pushes a filter's equality down to PostgreSQL as containment
// (`_jsonb->'_id' @> $2`), which no btree index serves: every `find({_id})`, and every
// update or delete naming one document, scanned the whole collection, so its cost grew with
// the collection. Every collection has a unique btree index on `(_jsonb->'_id')`; a string or
// ObjectId `_id` compared with `=` uses it. For those two types `=` and containment agree
// (an `_id` is never an array); numbers keep containment, as MongoDB compares them across
// number types.

package postgresql

import (
	"fmt"

	"github.com/FerretDB/FerretDB/internal/backends/postgresql/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

// filterIDEqual returns the indexed filter for `{_id: v}`, or false when it does not apply.
func filterIDEqual(p *metadata.Placeholder, key string, v any) (string, []any, bool) {
	if key != "_id" {
		return "", nil, false
	}

	switch v.(type) {
	case string, types.ObjectID:
		filter := fmt.Sprintf(`%s = %s`, metadata.IDColumn, p.Next())
		return filter, []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}, true
	default:
		return "", nil, false
	}
}

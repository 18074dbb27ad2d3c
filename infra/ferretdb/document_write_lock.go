// Added to FerretDB's handler package by infra/setup.sh (EventoNight).
//
// FerretDB 1.24 runs update, findAndModify and delete as "query matching documents, change
// them in memory, write them back by _id" without holding anything between the query and the
// write. Two concurrent `update({_id, version: 1}, {$set: {version: 2}})` then both match and
// both write: MongoDB's single-document atomicity, which optimistic concurrency relies on, is
// lost. This file restores it with locks held for the whole command:
//
//   - a write whose every statement names its documents by `_id` (equality, or `$in` of ids;
//     string and ObjectId ids only) shares its collection's lock and takes one lock per
//     document, so writes to different documents of one collection run side by side;
//   - any other write (a filter on other fields, or an `_id` of another type, whose equality
//     MongoDB defines across number types) takes its collection's lock alone.
//
// Each of these commands works on exactly one collection; reads are not affected. The command
// is parsed once, here, and handed to its handler (commandDocument), which infra/setup.sh makes
// call it instead of parsing again.

package handler

import (
	"fmt"
	"slices"
	"sync"

	"github.com/FerretDB/wire"

	"github.com/FerretDB/FerretDB/internal/types"
)

var (
	collectionLocksMu sync.Mutex
	collectionLocks   = map[string]*sync.RWMutex{}

	documentLocksMu sync.Mutex
	documentLocks   = map[string]*documentLock{}

	// parsedCommands holds each locked command's parsed document until its handler takes it.
	parsedCommands sync.Map // *wire.OpMsg → *types.Document
)

// commandDocument returns the command's document as lockDocumentWrites parsed it, or parses it.
func commandDocument(msg *wire.OpMsg) (*types.Document, error) {
	if doc, ok := parsedCommands.LoadAndDelete(msg); ok {
		return doc.(*types.Document), nil
	}

	return opMsgDocument(msg)
}

// documentLock is one document's lock, kept in documentLocks while anyone holds or awaits it.
type documentLock struct {
	mu    sync.Mutex
	users int
}

// collectionLock returns the one lock of a namespace ("db.collection"), made on first use.
// Namespaces are few (the collections of the services), so the map is never pruned.
func collectionLock(namespace string) *sync.RWMutex {
	collectionLocksMu.Lock()
	defer collectionLocksMu.Unlock()

	lock, ok := collectionLocks[namespace]
	if !ok {
		lock = new(sync.RWMutex)
		collectionLocks[namespace] = lock
	}

	return lock
}

// lockDocument waits for the lock of one document and returns its release.
func lockDocument(key string) func() {
	documentLocksMu.Lock()
	lock, ok := documentLocks[key]
	if !ok {
		lock = new(documentLock)
		documentLocks[key] = lock
	}
	lock.users++
	documentLocksMu.Unlock()

	lock.mu.Lock()

	return func() {
		lock.mu.Unlock()

		documentLocksMu.Lock()
		lock.users--
		if lock.users == 0 {
			delete(documentLocks, key)
		}
		documentLocksMu.Unlock()
	}
}

// idKey is the lock key of one `_id`, or false when the value is not a string or an ObjectId.
func idKey(value any) (string, bool) {
	switch id := value.(type) {
	case string:
		return "s:" + id, true
	case types.ObjectID:
		return fmt.Sprintf("o:%x", id[:]), true
	default:
		return "", false
	}
}

// filterIDs returns the lock keys of the documents a filter names by `_id` (`{_id: x, …}` or
// `{_id: {$in: [x, …]}, …}`), or false when it does not name them that way.
func filterIDs(filter any) ([]string, bool) {
	doc, ok := filter.(*types.Document)
	if !ok {
		return nil, false
	}

	value, err := doc.Get("_id")
	if err != nil {
		return nil, false
	}

	if key, ok := idKey(value); ok {
		return []string{key}, true
	}

	operator, ok := value.(*types.Document)
	if !ok || operator.Len() != 1 {
		return nil, false
	}

	in, err := operator.Get("$in")
	if err != nil {
		return nil, false
	}

	list, ok := in.(*types.Array)
	if !ok {
		return nil, false
	}

	keys := make([]string, 0, list.Len())

	for i := 0; i < list.Len(); i++ {
		element, _ := list.Get(i)

		key, ok := idKey(element)
		if !ok {
			return nil, false
		}

		keys = append(keys, key)
	}

	return keys, true
}

// commandIDs returns the lock keys of every document the write names by `_id`, or false when
// one of its statements filters otherwise (or the command does not parse as expected).
func commandIDs(doc *types.Document) ([]string, bool) {
	var filters []any

	switch doc.Command() {
	case "findAndModify", "findandmodify":
		query, err := doc.Get("query")
		if err != nil {
			return nil, false
		}

		filters = append(filters, query)
	case "update", "delete":
		field, key := "updates", "q"
		if doc.Command() == "delete" {
			field = "deletes"
		}

		value, err := doc.Get(field)
		if err != nil {
			return nil, false
		}

		statements, ok := value.(*types.Array)
		if !ok || statements.Len() == 0 {
			return nil, false
		}

		for i := 0; i < statements.Len(); i++ {
			element, _ := statements.Get(i)

			statement, ok := element.(*types.Document)
			if !ok {
				return nil, false
			}

			filter, err := statement.Get(key)
			if err != nil {
				return nil, false
			}

			filters = append(filters, filter)
		}
	default:
		return nil, false
	}

	var keys []string

	for _, filter := range filters {
		ids, ok := filterIDs(filter)
		if !ok {
			return nil, false
		}

		keys = append(keys, ids...)
	}

	// Sorted and unique: every command takes its documents' locks in one order (no deadlock),
	// and never one lock twice.
	slices.Sort(keys)

	return slices.Compact(keys), true
}

// lockDocumentWrites takes the locks the command needs (see above) and returns their release.
// The command's first key names the collection and `$db` the database; a message that does not
// parse takes the lock of the empty namespace alone (the handler then rejects it anyway).
func lockDocumentWrites(msg *wire.OpMsg) func() {
	namespace := ""

	var (
		keys   []string
		byID   bool
		doc, _ = opMsgDocument(msg)
	)

	if doc != nil {
		parsedCommands.Store(msg, doc)

		db, _ := doc.Get("$db")
		collection, _ := doc.Get(doc.Command())
		namespace = fmt.Sprintf("%v.%v", db, collection)
		keys, byID = commandIDs(doc)
	}

	lock := collectionLock(namespace)

	if !byID {
		lock.Lock()

		return func() {
			parsedCommands.Delete(msg)
			lock.Unlock()
		}
	}

	lock.RLock()

	releases := make([]func(), 0, len(keys))
	for _, key := range keys {
		releases = append(releases, lockDocument(namespace+"\x00"+key))
	}

	return func() {
		parsedCommands.Delete(msg)

		for i := len(releases) - 1; i >= 0; i-- {
			releases[i]()
		}

		lock.RUnlock()
	}
}

// Added to FerretDB's handler package by infra/setup.sh (EventoNight).
//
// FerretDB 1.24 runs update, findAndModify and delete as "query matching documents, change
// them in memory, write them back by _id" without holding anything between the query and the
// write. Two concurrent `update({_id, version: 1}, {$set: {version: 2}})` then both match and
// both write: MongoDB's single-document atomicity, which optimistic concurrency relies on, is
// lost. Each of these commands works on exactly one collection, so serialising the commands of
// one (database, collection) restores it, while writes to other collections run in parallel.
// Reads are not affected.

package handler

import (
	"fmt"
	"sync"

	"github.com/FerretDB/wire"

	"github.com/FerretDB/FerretDB/internal/bson"
)

var (
	collectionLocksMu sync.Mutex
	collectionLocks   = map[string]*sync.Mutex{}
)

// collectionLock returns the one lock of a namespace ("db.collection"), made on first use.
// Namespaces are few (the collections of the services), so the map is never pruned.
func collectionLock(namespace string) *sync.Mutex {
	collectionLocksMu.Lock()
	defer collectionLocksMu.Unlock()

	lock, ok := collectionLocks[namespace]
	if !ok {
		lock = new(sync.Mutex)
		collectionLocks[namespace] = lock
	}

	return lock
}

// lockDocumentWrites takes the lock of the collection the command writes to and returns its
// unlock. The command's first key names the collection and `$db` the database; a message that
// does not parse takes the lock of the empty namespace (the handler then rejects it anyway).
func lockDocumentWrites(msg *wire.OpMsg) func() {
	namespace := ""

	if doc, err := bson.ToDocument(msg.RawSection0()); err == nil {
		db, _ := doc.Get("$db")
		collection, _ := doc.Get(doc.Command())
		namespace = fmt.Sprintf("%v.%v", db, collection)
	}

	lock := collectionLock(namespace)
	lock.Lock()

	return lock.Unlock
}

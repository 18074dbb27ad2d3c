// Added to FerretDB's handler package by infra/setup.sh (EventoNight).
//
// FerretDB 1.24 runs update, findAndModify and delete as "query matching documents, change
// them in memory, write them back by _id" without holding anything between the query and the
// write. Two concurrent `update({_id, version: 1}, {$set: {version: 2}})` then both match and
// both write: MongoDB's single-document atomicity, which optimistic concurrency relies on, is
// lost. Serialising these commands restores it. Reads are not affected.

package handler

import "sync"

var documentWriteLock sync.Mutex

package main

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the SQLite driver FerretDB itself uses
)

// FerretDB 1.24's SQLite backend filters, updates and deletes a document by
// `_ferretdb_sjson->'$._id'`, while the `_id` index it creates is on
// `_ferretdb_sjson->"_id"`: SQLite matches index expressions by their text, so
// every update and delete by _id scans the whole table (measured: 42 ms a
// update at 20 000 documents, 2.4 ms with a matching index). keepIDIndexes
// adds the index that matches, on every collection table, and keeps adding it
// to tables created later. FerretDB does not know of it and needs not: SQLite
// maintains it, and it goes with its table when the collection is dropped.
func keepIDIndexes(ctx context.Context, dir string, logger *slog.Logger) {
	conns := map[string]*sql.DB{}
	defer func() {
		for _, db := range conns {
			_ = db.Close()
		}
	}()

	ticker := time.NewTicker(500 * time.Millisecond)
	defer ticker.Stop()

	for {
		files, _ := filepath.Glob(filepath.Join(dir, "*.sqlite"))
		for _, file := range files {
			db, ok := conns[file]
			if !ok {
				var err error
				if db, err = sql.Open("sqlite", "file:"+file+"?_pragma=busy_timeout(10000)"); err != nil {
					continue
				}
				db.SetMaxOpenConns(1)
				conns[file] = db
			}
			if err := indexTables(ctx, db); err != nil && ctx.Err() == nil {
				logger.Warn("could not add the _id lookup index", slog.String("file", file), slog.String("error", err.Error()))
			}
		}

		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

// indexTables creates the matching _id index on each collection table of one database that lacks it.
func indexTables(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, `
		SELECT c.table_name FROM _ferretdb_collections c
		WHERE NOT EXISTS (
			SELECT 1 FROM sqlite_master m WHERE m.type = 'index' AND m.name = c.table_name || '_ferretdb_id_path'
		)`)
	if err != nil {
		if strings.Contains(err.Error(), "no such table") {
			return nil // a database FerretDB has not laid out yet
		}
		return err
	}

	var tables []string
	for rows.Next() {
		var table string
		if err := rows.Scan(&table); err != nil {
			_ = rows.Close()
			return err
		}
		tables = append(tables, table)
	}
	_ = rows.Close()

	for _, table := range tables {
		q := fmt.Sprintf(
			`CREATE INDEX IF NOT EXISTS %q ON %q (_ferretdb_sjson->'$._id')`,
			table+"_ferretdb_id_path", table,
		)
		if _, err := db.ExecContext(ctx, q); err != nil && !strings.Contains(err.Error(), "no such table") {
			return err
		}
	}
	return nil
}

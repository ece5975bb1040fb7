// Command ferretdb runs FerretDB embedded on SQLite, for development and tests.
//
// It exists because the FerretDB 1.x command built from the Go module proxy
// panics at start (its generated version files are not part of the module),
// while the embeddable package works as documented.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	dir := flag.String("dir", "data", "directory for the SQLite files")
	noIDIndex := flag.Bool("no-id-index", false, "do not add the _id lookup index (to measure without it)")
	flag.Parse()

	if err := os.MkdirAll(*dir, 0o700); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}

	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + *dir + "/",
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	// The parent holds our stdin open; when it dies, stdin reaches EOF and we
	// stop too, so no database is ever left running behind a crashed parent.
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		stop()
	}()

	if !*noIDIndex {
		go keepIDIndexes(ctx, *dir, logger)
	}

	fmt.Println("ready", f.MongoDBURI())
	if err := f.Run(ctx); err != nil && ctx.Err() == nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

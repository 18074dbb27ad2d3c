// Loads docker-compose.yml exactly as Compose v2 does, with compose-go (the library inside
// `docker compose`): interpolation with an env file, the Compose Specification schema,
// normalisation and consistency checks. Used by tests/deployment/compose.test.ts, because only
// Debian's docker-compose v1 can be installed here.
//
//	go run . <compose file>[,<override file>…] <env file> <project dir> [profile...]
//
// Prints "ok <n> <services…>" and exits 0, or "invalid: <reason>" and exits 1. With
// COMPOSE_V2_PRINT=json it prints the loaded project as JSON instead of the "ok" line (the restore
// drill's override is checked on what it makes of the networks and environments).
package main

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/compose-spec/compose-go/v2/cli"
)

func main() {
	if len(os.Args) < 4 {
		fmt.Fprintln(os.Stderr, "usage: compose-v2 <compose file> <env file> <project dir> [profile...]")
		os.Exit(2)
	}
	options, err := cli.NewProjectOptions(strings.Split(os.Args[1], ","),
		cli.WithEnvFiles(os.Args[2]), cli.WithDotEnv,
		cli.WithWorkingDirectory(os.Args[3]), cli.WithProfiles(os.Args[4:]))
	if err != nil {
		fmt.Println("invalid:", err)
		os.Exit(1)
	}
	project, err := options.LoadProject(context.Background())
	if err != nil {
		fmt.Println("invalid:", strings.ReplaceAll(err.Error(), "\n", "; "))
		os.Exit(1)
	}
	if os.Getenv("COMPOSE_V2_PRINT") == "json" {
		out, err := project.MarshalJSON()
		if err != nil {
			fmt.Println("invalid:", err)
			os.Exit(1)
		}
		fmt.Println(string(out))
		return
	}
	names := project.ServiceNames()
	sort.Strings(names)
	fmt.Println("ok", len(names), strings.Join(names, " "))
}

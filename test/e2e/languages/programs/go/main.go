// A Pulumi program in Go that exports its stack's config, for test/e2e/languages/go.test.ts.
package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		ctx.Export("greeting", pulumi.String("hello from go, "+config.Get(ctx, "who")))
		return nil
	})
}

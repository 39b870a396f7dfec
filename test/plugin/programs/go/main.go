// The policy program of test/plugin/goLifecycle.test.ts, on the Go SDK generated from the plugin's schema.
package main

import (
	"github.com/pulumi-entra/pulumi-entra-assignment-policy/sdk/go/entra"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		conf := config.New(ctx, "")
		name := conf.Get("resourceName")
		if name == "" {
			name = "policy"
		}
		description, err := conf.Try("description")
		if err != nil {
			description = "Created by the Go program"
		}
		selfAdd, err := conf.TryBool("selfAdd")
		if err != nil {
			selfAdd = true
		}
		args := &entra.AccessPackageAssignmentPolicyArgs{
			AccessPackageId:    pulumi.String(conf.Require("accessPackageId")),
			DisplayName:        pulumi.String("Go policy"),
			Description:        pulumi.String(description),
			AllowedTargetScope: entra.AllowedTargetScopeAllMemberUsers,
			RequestorSettings: &entra.RequestorSettingsArgs{
				EnableTargetsToSelfAddAccess: pulumi.Bool(selfAdd),
			},
			RequestApprovalSettings: &entra.ApprovalSettingsArgs{
				IsApprovalRequiredForAdd: pulumi.Bool(false),
			},
		}
		if duration := conf.Get("duration"); duration != "" {
			args.Expiration = &entra.ExpirationPatternArgs{
				Type:     entra.ExpirationPatternTypeAfterDuration,
				Duration: pulumi.String(duration),
			}
		}
		policy, err := entra.NewAccessPackageAssignmentPolicy(ctx, name, args)
		if err != nil {
			return err
		}
		ctx.Export("policyId", policy.ID())
		return nil
	})
}

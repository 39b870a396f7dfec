// Entry point of the policy pack: `pulumi preview --policy-pack <this directory>`. The rules live in the package;
// this file only registers them, so a pack copied elsewhere stays in step with the installed provider.
require("pulumi-entra-assignment-policy/policy").governancePolicyPack();

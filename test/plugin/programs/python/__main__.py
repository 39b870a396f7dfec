"""The policy program of test/plugin/pythonLifecycle.test.ts, on the Python SDK generated from the plugin's schema."""
import pulumi
import pulumi_entra as entra

config = pulumi.Config()
duration = config.get("duration")
policy = entra.AccessPackageAssignmentPolicy(
    config.get("resourceName") or "policy",
    access_package_id=config.require("accessPackageId"),
    display_name="Python policy",
    description=config.get("description") or "Created by the Python program",
    allowed_target_scope=entra.AllowedTargetScope.ALL_MEMBER_USERS,
    expiration=entra.ExpirationPatternArgs(type=entra.ExpirationPatternType.AFTER_DURATION, duration=duration) if duration else None,
    requestor_settings=entra.RequestorSettingsArgs(
        enable_targets_to_self_add_access=config.get_bool("selfAdd") is not False,
    ),
    request_approval_settings=entra.ApprovalSettingsArgs(is_approval_required_for_add=False),
)
pulumi.export("policyId", policy.id)

/** The plugin's lifecycle scenario with a Pulumi YAML program, which needs no SDK: the schema is its SDK. */
import assert from "node:assert/strict";
import type { PluginLanguage } from "./pluginLanguage";
import { describeWithYaml, writeProgram, yamlProject } from "./pluginProject";
import { describePluginLifecycle, TOKEN } from "./pluginScenario";

const PROJECT = "yamlplugin";

const PROGRAM = `config:
  accessPackageId:
    type: string
  description:
    type: string
    default: Created by the YAML program
  selfAdd:
    type: boolean
    default: true
resources:
  policy:
    type: ${TOKEN}
    properties:
      accessPackageId: \${accessPackageId}
      displayName: YAML policy
      description: \${description}
      allowedTargetScope: allMemberUsers
      requestorSettings:
        enableTargetsToSelfAddAccess: \${selfAdd}
      requestApprovalSettings:
        isApprovalRequiredForAdd: false
outputs:
  policyId: \${policy.id}
`;

const yaml: PluginLanguage = {
    label: "YAML",
    project: PROJECT,
    describe: describeWithYaml,
    prepare: async () => {},
    dispose: () => {},
    createProject: (pluginDir) => yamlProject(PROJECT, pluginDir, PROGRAM),
    breakDuration: async (dir, pluginDir) => {
        const broken = PROGRAM.replace(
            "      allowedTargetScope:",
            "      expiration:\n        type: afterDuration\n        duration: P2X\n      allowedTargetScope:",
        );
        writeProgram(dir, PROJECT, pluginDir, broken);
        return async () => writeProgram(dir, PROJECT, pluginDir, PROGRAM);
    },
    importProject: (pluginDir) => ({ dir: yamlProject(`${PROJECT}-import`, pluginDir, ""), config: {}, flags: [] }),
    adoptImport: (dir, pluginDir, output, accessPackageId) => {
        // `pulumi import` prints the program that declares what it imported, which YAML's host generates.
        const code = output.slice(output.indexOf("resources:"), output.lastIndexOf("protect: true") + "protect: true".length);
        assert.match(code, /^resources:\n {2}imported:\n {4}type: entra:AccessPackageAssignmentPolicy\n/);
        assert.match(code, new RegExp(`accessPackageId: ${accessPackageId}`));
        writeProgram(dir, `${PROJECT}-import`, pluginDir, `${code}\n`);
    },
};

describePluginLifecycle(yaml);

#!/usr/bin/env node
// The serialized provider loads its implementation by package name from the program's directory, exactly as
// it does in a user's project. Programs inside this repository (the root quickstart, examples/, tests) resolve
// that name through this link, so they exercise the same resolution path as an installed package.
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const { name } = require(path.join(root, "package.json"));
const link = path.join(root, "node_modules", ...name.split("/"));

fs.mkdirSync(path.dirname(link), { recursive: true });
try {
    if (fs.readlinkSync(link) === path.relative(path.dirname(link), root)) process.exit(0);
    fs.rmSync(link, { recursive: true, force: true });
} catch (error) {
    if (error.code !== "ENOENT" && error.code !== "EINVAL") throw error;
    fs.rmSync(link, { recursive: true, force: true });
}
fs.symlinkSync(path.relative(path.dirname(link), root), link, "dir");

// One MCP conversation over one stdio connection, with the MCP Inspector CLI's own client code
// (its connect/callTool/... and transport, on the official TypeScript SDK). The Inspector CLI runs
// one request per process, so a whole conversation through it would start the server once a call.
//
// node conversation.mjs INSPECTOR_PREFIX CONFIG SERVER STEPS.json STDERR_FILE
//   CONFIG: a claude_desktop_config.json; SERVER: the name under mcpServers
//   STEPS: [{"method": "tools/call", "tool": "...", "args": {...}} | {"method": "resources/list"} |
//           {"method": "resources/read", "uri": "..."} | {"method": "prompts/list"} | {"method": "prompts/get", "name": "...", "args": {...}}]
// Prints one JSON array: per step {"ok": true, "result": ...} or {"ok": false, "error": "..."}, and "ms".
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [prefix, configFile, serverName, stepsFile, stderrFile] = process.argv.slice(2);
const modules = join(prefix, "node_modules", "@modelcontextprotocol");
const load = (path) => import(pathToFileURL(join(modules, path)).href);
const inspector = await load("inspector-cli/build/client/index.js");
const { createTransport } = await load("inspector-cli/build/transport.js");
const { Client } = await load("sdk/dist/esm/client/index.js");

const server = JSON.parse(readFileSync(configFile, "utf8")).mcpServers[serverName];
for (const [key, value] of Object.entries(server.env ?? {})) {
  process.env[key] = value;
}
const transport = createTransport({ transportType: "stdio", command: server.command, args: server.args });
writeFileSync(stderrFile, "");
// drained, or a chatty server would block on a full pipe
transport.stderr?.on("data", (chunk) => appendFileSync(stderrFile, chunk));
const client = new Client({ name: "inspector-cli", version: "0.5.1" });
await inspector.connect(client, transport);

const steps = JSON.parse(readFileSync(stepsFile, "utf8"));
const answers = [];
for (const step of steps) {
  const started = Date.now();
  try {
    let result;
    switch (step.method) {
      case "tools/list": result = await inspector.listTools(client); break;
      case "tools/call": result = await inspector.callTool(client, step.tool, step.args ?? {}); break;
      case "resources/list": result = await inspector.listResources(client); break;
      case "resources/read": result = await inspector.readResource(client, step.uri); break;
      case "prompts/list": result = await inspector.listPrompts(client); break;
      case "prompts/get": result = await inspector.getPrompt(client, step.name, step.args ?? {}); break;
      default: throw new Error("unknown step method " + step.method);
    }
    answers.push({ ok: true, result, ms: Date.now() - started });
  } catch (error) {
    answers.push({ ok: false, error: error instanceof Error ? error.message : String(error), ms: Date.now() - started });
  }
}
await inspector.disconnect(transport);
process.stdout.write(JSON.stringify(answers) + "\n");

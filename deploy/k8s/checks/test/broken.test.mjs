// Each check fails on a manifest broken the way it guards against: the prod overlay, rendered, then changed in one place.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { HOME, documentationProblems, overlay, problems, render } from "../manifests.mjs";

const rendered = render(overlay("prod"));
const find = (objects, kind, name) => objects.find((object) => object.kind === kind && object.metadata.name === name);
const container = (objects, name) => find(objects, "Deployment", name).spec.template.spec.containers[0];

/** The problems of the prod overlay after break(objects) changed a copy of it. */
async function problemsAfter(breakIt) {
  const objects = structuredClone(rendered);
  breakIt(objects);
  return problems(objects);
}

const cases = {
  "a core object of the wrong shape (Kubernetes' schema)": [
    (objects) => (find(objects, "Deployment", "gateway").spec.replicas = "two"),
    /^schema: Deployment\/gateway: .*replicas must be integer/,
  ],
  "a misspelt field of a Strimzi topic (the operator's schema, closed)": [
    (objects) => (find(objects, "KafkaTopic", "order-events").spec.replcas = 3),
    /^schema: KafkaTopic\/order-events: .*must NOT have additional properties/,
  ],
  "a PostgreSQL cluster of no instance (CloudNativePG's schema)": [
    (objects) => (find(objects, "Cluster", "microshop-db").spec.instances = 0),
    /^schema: Cluster\/microshop-db: .*instances must be >= 1/,
  ],
  "a ServiceMonitor endpoint of the wrong type (the Prometheus Operator's schema)": [
    (objects) => (find(objects, "ServiceMonitor", "microshop-services").spec.endpoints = "management"),
    /^schema: ServiceMonitor\/microshop-services: .*endpoints must be array/,
  ],
  "a kind nobody has a schema for": [
    (objects) => objects.push({ apiVersion: "example.org/v1", kind: "Widget", metadata: { name: "w" }, spec: {} }),
    /^schema: Widget\/w: no schema for example.org\/v1 Widget/,
  ],
  "an image ./microshop images does not build": [
    (objects) => (container(objects, "gateway").image = "nginx:1.27"),
    /^image: Deployment\/gateway: nginx:1.27 is not an image/,
  ],
  "a Secret key that does not exist": [
    (objects) => (container(objects, "order-service").env.find((v) => v.name === "ORDER_SERVICE_DB_PASSWORD").valueFrom.secretKeyRef.key = "pasword"),
    /^reference: Deployment\/order-service: Secret microshop-db-order-service has no key pasword/,
  ],
  "a ConfigMap that does not exist": [
    (objects) => (container(objects, "user-service").envFrom[0].configMapRef.name = "microshop-platfrom"),
    /^reference: Deployment\/user-service: ConfigMap microshop-platfrom does not exist/,
  ],
  "a variable the settings need that the Deployment does not set": [
    (objects) => {
      const env = container(objects, "payment-service").env;
      env.splice(env.findIndex((v) => v.name === "PAYMENT_PROVIDER_URL"), 1);
    },
    /^environment: Deployment\/payment-service: its settings need PAYMENT_PROVIDER_URL/,
  ],
  "a Deployment without a readiness probe": [
    (objects) => delete container(objects, "payment-service").readinessProbe,
    /^deployment: Deployment\/payment-service: payment-service has no readinessProbe/,
  ],
  "a liveness probe on the public port": [
    (objects) => (container(objects, "gateway").livenessProbe.httpGet.port = "http"),
    /^deployment: Deployment\/gateway: gateway's livenessProbe is not on the management port/,
  ],
  "a container without a memory limit": [
    (objects) => delete container(objects, "inventory-service").resources.limits.memory,
    /^deployment: Deployment\/inventory-service: inventory-service has no memory limits/,
  ],
  "a writable root file system": [
    (objects) => (container(objects, "notification-service").securityContext.readOnlyRootFilesystem = false),
    /^deployment: Deployment\/notification-service: notification-service's root file system is not read-only/,
  ],
  "a NetworkPolicy that opens a call the system does not make": [
    (objects) =>
      find(objects, "NetworkPolicy", "order-service-ingress").spec.ingress.push({
        from: [{ podSelector: { matchLabels: { "app.kubernetes.io/name": "payment-service" } } }],
        ports: [{ protocol: "TCP", port: 9103 }],
      }),
    /^network: NetworkPolicy\/order-service-ingress opens payment-service -> order-service:9103, which is not a call/,
  ],
  "a call left closed": [
    (objects) => objects.splice(objects.indexOf(find(objects, "NetworkPolicy", "order-service-egress")), 1),
    /^network: no policy lets order-service -> user-service:9101 out/,
  ],
  "a Kafka listener open to every pod": [
    (objects) => delete find(objects, "Kafka", "microshop-kafka").spec.kafka.listeners[0].networkPolicyPeers,
    /^network: Kafka\/microshop-kafka listener tls takes connections from anywhere/,
  ],
  "alert rules that drifted from deploy/prometheus/rules": [
    (objects) => (find(objects, "PrometheusRule", "microshop").spec.groups[0].rules[0].expr = "up == 0"),
    /^rules: PrometheusRule\/microshop differs/,
  ],
};

for (const [what, [breakIt, expected]] of Object.entries(cases)) {
  test(`the checks refuse ${what}`, async () => {
    const found = await problemsAfter(breakIt);
    assert.ok(found.some((problem) => expected.test(problem)), `expected ${expected}, found:\n${found.join("\n")}`);
  });
}

test("the checks refuse a table of calls in the documentation that differs from calls.yml", () => {
  const architecture = readFileSync(`${HOME}/docs/architecture.md`, "utf8");
  const found = documentationProblems(architecture.replace("| order-service | user-service | 9101 |", "| order-service | user-service | 9111 |"));
  assert.match(found.join("\n"), /^documentation: docs\/architecture.md does not have the table of calls.yml/);
});

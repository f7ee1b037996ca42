// The shipped manifests pass every check: both overlays, the Argo CD Application, the documentation's table of calls.
import assert from "node:assert/strict";
import { test } from "node:test";
import { HOME, documentationProblems, objectsOf, overlay, problems, render, schemaProblems } from "../manifests.mjs";

for (const name of ["dev", "prod"]) {
  test(`the ${name} overlay renders and passes every check`, async () => {
    const objects = render(overlay(name));
    assert.ok(objects.filter((object) => object.kind === "Deployment").length >= 7);
    assert.deepEqual(await problems(objects), []);
  });
}

test("the prod overlay adds an autoscaler and a disruption budget for every service", () => {
  const objects = render(overlay("prod"));
  const services = ["gateway", "user-service", "inventory-service", "order-service", "payment-service", "notification-service"];
  for (const kind of ["HorizontalPodAutoscaler", "PodDisruptionBudget"]) {
    assert.deepEqual(objects.filter((object) => object.kind === kind).map((object) => object.metadata.name).sort(), [...services].sort());
  }
});

test("every Kafka topic has replication factor 3 and min.insync.replicas 2 in both overlays", () => {
  for (const name of ["dev", "prod"]) {
    const topics = render(overlay(name)).filter((object) => object.kind === "KafkaTopic");
    assert.equal(topics.length, 9);
    for (const topic of topics) {
      assert.equal(topic.spec.replicas, 3, topic.metadata.name);
      assert.equal(topic.spec.config["min.insync.replicas"], 2, topic.metadata.name);
    }
  }
});

test("the Argo CD Application validates and points at the prod overlay", async () => {
  const [application] = objectsOf(`${HOME}/deploy/k8s/argocd/application.yaml`);
  assert.deepEqual(await schemaProblems([application]), []);
  assert.equal(application.spec.source.path, "deploy/k8s/overlays/prod");
});

test("docs/architecture.md shows calls.yml's table", () => {
  assert.deepEqual(documentationProblems(), []);
});

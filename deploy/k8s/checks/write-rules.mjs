// npm run rules: writes deploy/k8s/base/prometheus-rules.yaml from deploy/prometheus/rules/microshop.yml.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { HOME, prometheusRule } from "./manifests.mjs";

writeFileSync(
  join(HOME, "deploy/k8s/base/prometheus-rules.yaml"),
  `# deploy/prometheus/rules/microshop.yml as a PrometheusRule: the same groups, for the Prometheus Operator. Do not edit
# here: the manifest checks fail when the two differ; \`npm run rules --prefix deploy/k8s/checks\` writes this file again.
${stringify(prometheusRule(), { lineWidth: 0 })}`,
);

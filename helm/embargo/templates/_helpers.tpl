{{/* The chart's name and the prefix of every object it creates. */}}
{{- define "embargo.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "embargo.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* A service's objects: <fullname>-<service>. Call with (dict "root" $ "service" "intake"). */}}
{{- define "embargo.serviceName" -}}
{{- printf "%s-%s" (include "embargo.fullname" .root | trunc 54 | trimSuffix "-") .service -}}
{{- end -}}

{{- define "embargo.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "embargo.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: embargo
{{- end -}}

{{/* Selector labels of one service. Call with (dict "root" $ "service" "intake"). */}}
{{- define "embargo.selectorLabels" -}}
app.kubernetes.io/name: {{ include "embargo.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .service }}
{{- end -}}

{{- define "embargo.serviceLabels" -}}
{{ include "embargo.labels" .root }}
app.kubernetes.io/component: {{ .service }}
{{- end -}}

{{/* The image of one service: by digest when pinned, else by tag (never "latest"). */}}
{{- define "embargo.image" -}}
{{- $img := .root.Values.image -}}
{{- $repo := printf "%s/%s-service" $img.repository .service -}}
{{- if $img.registry }}{{ $repo = printf "%s/%s" $img.registry $repo }}{{ end -}}
{{- $digest := get $img.digests .service -}}
{{- if $digest -}}
{{- printf "%s@%s" $repo $digest -}}
{{- else -}}
{{- $tag := default .root.Chart.AppVersion $img.tag -}}
{{- if eq $tag "latest" }}{{ fail "image.tag must name a version, not \"latest\"" }}{{ end -}}
{{- printf "%s:%s" $repo $tag -}}
{{- end -}}
{{- end -}}

{{- define "embargo.secretName" -}}
{{- default (printf "%s-secrets" (include "embargo.fullname" .)) .Values.secrets.existingSecret -}}
{{- end -}}

{{/* PostgreSQL host: the chart's CloudNativePG cluster (read-write service) or the one given. */}}
{{- define "embargo.postgresHost" -}}
{{- if .Values.operators.cloudnativepg.enabled -}}
{{- printf "%s-postgres-rw" (include "embargo.fullname" .) -}}
{{- else -}}
{{- .Values.postgresql.host -}}
{{- end -}}
{{- end -}}

{{- define "embargo.postgresPort" -}}
{{- if .Values.operators.cloudnativepg.enabled }}5432{{ else }}{{ .Values.postgresql.port }}{{ end -}}
{{- end -}}

{{- define "embargo.kafkaBootstrap" -}}
{{- if .Values.operators.strimzi.enabled -}}
{{- printf "%s-kafka-kafka-bootstrap:9092" (include "embargo.fullname" .) -}}
{{- else -}}
{{- .Values.kafka.bootstrapServers -}}
{{- end -}}
{{- end -}}

{{/* The paths anyone may reach, by service: the architecture decides them, not the values. */}}
{{- define "embargo.publicRoutes" -}}
intake:
  - {path: /.well-known/security.txt, pathType: Exact}
  - {path: /api/v1/reports, pathType: Prefix}
  - {path: /api/v1/programs, pathType: Prefix}
  # The researcher's pages and their assets; /assets itself is advisory's, the longer prefixes win.
  - {path: /report, pathType: Prefix}
  - {path: /status, pathType: Prefix}
  - {path: /assets/intake, pathType: Prefix}
  - {path: /assets/vendor, pathType: Prefix}
advisory:
  - {path: /.well-known/csaf, pathType: Prefix}
  - {path: /advisories, pathType: Prefix}
  - {path: /api/v1/public/advisories, pathType: Prefix}
  - {path: /programs, pathType: Prefix}
  - {path: /openpgp, pathType: Prefix}
  - {path: /assets, pathType: Prefix}
{{- end -}}

{{/* The staff APIs, by service; every one of them checks the caller's Keycloak roles. */}}
{{- define "embargo.staffRoutes" -}}
intake:
  - {path: /api/v1/staff, pathType: Prefix}
triage:
  - {path: /api/v1/cases, pathType: Prefix}
  - {path: /api/v1/programs, pathType: Prefix}
  - {path: /api/v1/cvss, pathType: Prefix}
  # The staff console's files: it then calls every staff API on this same host (no cross-origin).
  - {path: /console, pathType: Prefix}
notify:
  - {path: /api/v1/partners, pathType: Prefix}
  - {path: /api/v1/webhook-endpoints, pathType: Prefix}
  - {path: /api/v1/webhook-deliveries, pathType: Prefix}
  - {path: /api/v1/email-deliveries, pathType: Prefix}
  - {path: /api/v1/leak-checks, pathType: Prefix}
advisory:
  - {path: /api/v1/advisories, pathType: Prefix}
  - {path: /api/v1/pre-advisories, pathType: Prefix}
  - {path: /api/v1/tracked-reports, pathType: Prefix}
{{- end -}}

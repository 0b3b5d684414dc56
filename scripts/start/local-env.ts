/**
 * Defaults for a local run. Imported first by start.ts: the AWS SDK and the logger read these
 * when the app's modules load, before any code of start.ts runs. A value already set wins.
 */

// Node 20 here; the lockfile pins an SDK that still supports it, and Lambda runs Node 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// CloudWatch metrics only make sense in Lambda: no EMF lines on the console.
process.env.METRICS_DISABLED ??= 'true';
// Warnings and errors only; `LOG_LEVEL=INFO npm start` shows refused requests and build output.
process.env.LOG_LEVEL ??= 'WARN';

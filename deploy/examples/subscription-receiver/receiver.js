// A receiver for Embargo's event subscriptions: checks each delivery's Standard Webhooks signature
// with the official library, drops replays of a message it already handled (the same webhook-id
// comes again when a try's answer was lost), and prints the CloudEvent it carries.
import http from "node:http";
import { Webhook } from "standardwebhooks";

const secret = process.env.EMBARGO_SUBSCRIPTION_SECRET; // whsec_…, shown once when subscribing
const port = Number(process.env.PORT ?? 9100);
if (!secret) {
  console.error("Set EMBARGO_SUBSCRIPTION_SECRET to the subscription's secret (whsec_...).");
  process.exit(1);
}

const webhook = new Webhook(secret);
// In memory for the example; a real consumer keeps handled ids as long as Embargo retries (3 days).
const handled = new Set();

function handle(event) {
  const data = event.data ?? {};
  // cloudevents format; chat ({text}) and issue ({title, body, labels, links}) bodies print as they are.
  if (event.specversion) {
    console.log(`${event.time} ${event.type} ${event.subject}: ${JSON.stringify(data)}`);
  } else {
    console.log(JSON.stringify(event));
  }
}

http
  .createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let event;
      try {
        // Checks webhook-signature against webhook-id, webhook-timestamp and the raw body, and
        // refuses timestamps more than five minutes away (replayed captures).
        event = webhook.verify(body, {
          "webhook-id": request.headers["webhook-id"],
          "webhook-timestamp": request.headers["webhook-timestamp"],
          "webhook-signature": request.headers["webhook-signature"],
        });
      } catch (refused) {
        response.writeHead(401).end();
        return;
      }
      const id = request.headers["webhook-id"];
      if (!handled.has(id)) {
        handled.add(id);
        handle(event);
      }
      // Any 2xx tells Embargo the delivery landed; anything else is retried with the same id.
      response.writeHead(204).end();
    });
  })
  .listen(port, "127.0.0.1", () => console.log(`Listening on http://127.0.0.1:${port}/`));

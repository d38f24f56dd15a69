// The load generator of bench:respond, run as its own process (so it does not share
// the server's event loop): posts answers with a unique respondent key each and
// prints autocannon's result as JSON.
import autocannon from 'autocannon';

interface LoadOptions {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  answers: Record<string, unknown>;
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2]) as LoadOptions;
  let sequence = 0;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.duration,
    method: 'POST',
    headers: options.headers,
    requests: [
      {
        setupRequest: (request) => {
          sequence += 1;
          return { ...request, body: JSON.stringify({ respondentKey: `bench-${process.pid}-${sequence}`, answers: options.answers }) };
        },
      },
    ],
  });
  process.stdout.write(JSON.stringify(result));
}

void main();

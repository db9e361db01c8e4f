// The parts of autocannon's API the benchmarks use (the package ships no types).
declare module "autocannon" {
  type Percentiles = { average: number; mean: number; p50: number; p90: number; p97_5: number; p99: number; max: number; total: number };
  namespace autocannon {
    type Result = {
      requests: Percentiles;
      latency: Percentiles;
      throughput: Percentiles;
      errors: number;
      timeouts: number;
      non2xx: number;
    };
    type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
    type Options = {
      url: string;
      connections?: number;
      duration?: number;
      amount?: number;
      requests?: (Request & { setupRequest?: (request: Request) => Request })[];
    };
    type Instance = Promise<Result> & { on(event: "response", listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void };
  }
  function autocannon(options: autocannon.Options): autocannon.Instance;
  export default autocannon;
}

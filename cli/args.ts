import { InvalidArgumentError } from "commander";

export function intArg(name: string, min = 0) {
  return (value: string) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min) throw new InvalidArgumentError(`${name} must be an integer ≥ ${min}.`);
    return parsed;
  };
}

import type { Shape } from "../shape";
export * from "../shape";
export function c(): string {
  return import("../a").then(() => "") as unknown as string;
}
export type C = Shape;

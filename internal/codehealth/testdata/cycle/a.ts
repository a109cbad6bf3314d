// a imports b; the cycle closes through sub/c.
import { b } from "./b";
export const a = (): string => b();

import {
  c,
} from "./sub/c";
// import { never } from "./not-there"; a comment is not an import
export function b(): string {
  return c();
}

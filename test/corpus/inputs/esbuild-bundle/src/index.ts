import { sum, scale } from "./math";
import { shout } from "./util/strings";
import config from "./config.json";

const values: number[] = scale([1, 2, 3, 4], config.factor);
export const report = `${shout(config.name)} total=${sum(values)}`;
console.log(report);

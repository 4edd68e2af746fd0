// Cucumber imports step definitions written in TypeScript: tsx's loader must be registered first.
import { register } from 'tsx/esm/api';
register();

/**
 * cdktf's jest matchers (toHaveResourceWithProperties, ...): registers them at run time and, by
 * importing the adapter module, brings their type declarations into the compilation.
 */
import 'cdktf/lib/testing/adapters/jest';
import { Testing } from 'cdktf';

Testing.setupJest();

import 'cdktf/lib/testing/adapters/jest';
import { Testing } from 'cdktf';
import { fastlyMatchers, fastlySnapshotSerializer } from '../src';

Testing.setupJest();
expect.extend(fastlyMatchers);
expect.addSnapshotSerializer(fastlySnapshotSerializer);

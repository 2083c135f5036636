import 'cdktf/lib/testing/adapters/jest';
import { Testing } from 'cdktf';
import { ExpectedRoute, fastlyMatchers, fastlySnapshotSerializer, RoutedRequest } from '../src';

Testing.setupJest();
expect.extend(fastlyMatchers);
expect.addSnapshotSerializer(fastlySnapshotSerializer);

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toRouteRequest(request: RoutedRequest, expected: ExpectedRoute): R;
    }
  }
}

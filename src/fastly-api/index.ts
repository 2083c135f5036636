export { FastlyApiOptions, IFastlyApi, startFastlyApi } from './server';

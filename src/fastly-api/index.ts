export { FastlyApiOptions, IFastlyApi, startFastlyApi } from './api';

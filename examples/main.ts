import { buildExampleApp } from './app';

// Writes cdktf.out/stacks/edge/cdk.tf.json; `cdktf deploy` runs this same file through cdktf.json.
buildExampleApp().synth();

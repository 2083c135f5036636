import { readTerraformFile } from './src/convert/source';
import { convertSource } from './src/convert';
(async () => {
  const file = process.argv[2];
  const source = await readTerraformFile(file);
  const t0 = Date.now();
  const result = await convertSource(source);
  console.log(result.files['main.ts']);
  console.log(result.report.join('\n'));
  console.log('ms', Date.now() - t0);
})().catch((e) => { console.error(e); process.exit(1); });

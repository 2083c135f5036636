import { TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Duration } from '../../src';

describe('Duration', () => {
  test('converts between units', () => {
    expect(Duration.millis(1500).toMilliseconds()).toBe(1500);
    expect(Duration.millis(1500).toSeconds()).toBe(1.5);
    expect(Duration.seconds(2).toMilliseconds()).toBe(2000);
    expect(Duration.minutes(2).toSeconds()).toBe(120);
    expect(Duration.minutes(1).toMilliseconds()).toBe(60000);
  });

  test('describes itself in the unit it was made with', () => {
    expect(Duration.seconds(5).toString()).toBe('Duration.seconds(5)');
    expect(Duration.minutes(0.5).toString()).toBe('Duration.minutes(0.5)');
  });

  test('rejects negative and non-finite amounts', () => {
    expect(() => Duration.seconds(-1)).toThrow('Duration amount must be a finite number >= 0, got -1');
    expect(() => Duration.millis(Infinity)).toThrow('Duration amount must be a finite number >= 0, got Infinity');
  });

  test('a token amount is scaled by Terraform', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const minutes = new TerraformVariable(stack, 'minutes', { type: 'number' });
    const duration = Duration.minutes(minutes.numberValue);
    expect(duration.isUnresolved()).toBe(true);
    expect(duration.toString()).toBe('Duration.minutes(<token>)');
    new TerraformOutput(stack, 'millis', { value: duration.toMilliseconds() });
    expect(JSON.parse(Testing.synth(stack)).output.millis.value).toBe('${(var.minutes * 60000)}');
  });
});

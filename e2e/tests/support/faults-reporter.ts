/**
 * Sums the `fault-scenario` annotations of tests/faults.spec.ts and prints
 * "fault scenarios × screens tried: N, inputs lost: L" at the end of the run. The run fails
 * if any input was lost (each test also fails on its own).
 */
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

const FAULT_ANNOTATION = 'fault-scenario';

export default class FaultsReporter implements Reporter {
  private tried = 0;
  private lost = 0;
  private lostWhere: string[] = [];

  onTestEnd(test: TestCase, result: TestResult) {
    const annotations = result.annotations?.length ? result.annotations : test.annotations;
    for (const a of annotations) {
      if (a.type !== FAULT_ANNOTATION || !a.description) continue;
      const { screen, scenario, inputsLost } = JSON.parse(a.description) as { screen: string; scenario: string; inputsLost: number };
      this.tried += 1;
      this.lost += inputsLost;
      if (inputsLost > 0) this.lostWhere.push(`${screen} × ${scenario}: ${inputsLost}`);
    }
  }

  onEnd(result: FullResult): { status?: FullResult['status'] } | undefined {
    if (this.tried === 0) return undefined;
    console.log(`\nfault scenarios × screens tried: ${this.tried}, inputs lost: ${this.lost}`);
    if (this.lost > 0) {
      console.log(`inputs lost in: ${this.lostWhere.join('; ')}`);
      return { status: 'failed' };
    }
    return { status: result.status };
  }

  printsToStdio() {
    return false;
  }
}

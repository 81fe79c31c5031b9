import { ProblemException } from './problem.exception';
import { NoBodyPipe } from './no-body.pipe';

describe('NoBodyPipe', () => {
  const pipe = new NoBodyPipe();

  it('lets no body, null and an empty object through', () => {
    expect(pipe.transform(undefined)).toBeUndefined();
    expect(pipe.transform(null)).toBeUndefined();
    expect(pipe.transform({})).toBeUndefined();
  });

  it('refuses every field by name, and anything that is not an object', () => {
    const refusal = (value: unknown) => {
      try {
        pipe.transform(value);
      } catch (error) {
        const problem = error as ProblemException;
        return { code: problem.code, ...problem.extras } as { code: string; errors: Array<{ field: string }> };
      }
      throw new Error(`accepted ${JSON.stringify(value)}`);
    };
    expect(refusal({ readAt: '2020-01-01T00:00:00Z', foo: 1 })).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'readAt' }, { field: 'foo' }] });
    for (const value of [[], [1], 'x', 0, true]) expect(refusal(value)).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: '' }] });
  });
});

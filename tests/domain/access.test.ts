/** Who may change customers, and what everyone else is told. */
import { accessRefusal, canWrite } from '../../src/domain/access';

describe('canWrite', () => {
  const staff = ['ann@shop.example', 'Bob@Shop.Example'];

  it('lets the owner write, whatever the case', () => {
    expect(canWrite('Owner@Shop.example', 'owner@shop.example', [])).toBe(true);
  });

  it('lets listed staff write, case-insensitively and ignoring spaces', () => {
    expect(canWrite('ANN@shop.example', null, staff)).toBe(true);
    expect(canWrite(' bob@shop.example ', 'owner@shop.example', staff)).toBe(true);
  });

  it('refuses everyone else', () => {
    expect(canWrite('eve@shop.example', 'owner@shop.example', staff)).toBe(false);
    expect(canWrite('ann@shop.example.evil', 'owner@shop.example', staff)).toBe(false);
  });

  it('never lets an unknown (empty) user write, even with an unknown owner or a blank staff row', () => {
    expect(canWrite('', null, [])).toBe(false);
    expect(canWrite('', '', [''])).toBe(false);
    expect(canWrite('  ', null, ['  '])).toBe(false);
  });
});

describe('accessRefusal', () => {
  it('says who the user is, who may write, and what to do', () => {
    const message = accessRefusal('Eve@Shop.Example');
    expect(message).toContain('eve@shop.example');
    expect(message).toContain('Only the owner');
    expect(message).toContain('Settings tab');
    expect(message).toContain('CRM ▸ Set up / repair');
    expect(message).toContain('nothing was changed');
  });

  it('explains an unknown user without an empty name', () => {
    const message = accessRefusal('');
    expect(message).toContain('did not tell the CRM who you are');
    expect(message).not.toContain('signed in as ,');
  });
});

/**
 * The `SpreadsheetApp` global. In AuthMode.NONE (an add-on's onOpen before it is used in the
 * document) reaching the document throws Apps Script's permission error, while getUi() — menus —
 * still works.
 */
import type { Ctx } from './context';
import { DATA_VALIDATION_CRITERIA, PROTECTION_TYPE } from './enums';
import { ERR, checkArgs, gasError } from './errors';
import { SheetFake } from './sheet';
import { SpreadsheetFake } from './spreadsheet';
import { UiFake } from './ui';
import { DataValidationBuilderFake } from './validation';
import type { GasEnum, GasSurface } from '../surface';

type AppMethods = 'flush' | 'getActive' | 'getActiveSheet' | 'getActiveSpreadsheet' | 'getUi' | 'newDataValidation';

export class SpreadsheetAppFake implements GasSurface<GoogleAppsScript.Spreadsheet.SpreadsheetApp, AppMethods> {
  readonly gasTypeName = 'SpreadsheetApp';
  readonly DataValidationCriteria: GasEnum<typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria> =
    DATA_VALIDATION_CRITERIA;
  readonly ProtectionType: GasEnum<typeof GoogleAppsScript.Spreadsheet.ProtectionType> = PROTECTION_TYPE;

  constructor(private readonly ctx: Ctx) {}

  toString(): string {
    return 'SpreadsheetApp';
  }

  private authorise(method: string): void {
    if (this.ctx.runtime.execution().authMode === 'NONE') throw gasError(ERR.noPermission(`SpreadsheetApp.${method}`));
  }

  getActiveSpreadsheet(): SpreadsheetFake {
    this.ctx.count('SpreadsheetApp.getActiveSpreadsheet');
    this.authorise('getActiveSpreadsheet');
    return new SpreadsheetFake(this.ctx);
  }

  getActive(): SpreadsheetFake {
    this.ctx.count('SpreadsheetApp.getActive');
    this.authorise('getActive');
    return new SpreadsheetFake(this.ctx);
  }

  getActiveSheet(): SheetFake {
    this.ctx.count('SpreadsheetApp.getActiveSheet');
    this.authorise('getActiveSheet');
    return new SheetFake(this.ctx, this.ctx.wb.activeSheet());
  }

  /** Nothing is buffered in the stand-in: every write is already applied. */
  flush(): void {
    this.ctx.count('SpreadsheetApp.flush');
    checkArgs(arguments, 'SpreadsheetApp.flush', '');
  }

  getUi(): UiFake {
    this.ctx.count('SpreadsheetApp.getUi');
    return new UiFake(this.ctx);
  }

  newDataValidation(): DataValidationBuilderFake {
    this.ctx.count('SpreadsheetApp.newDataValidation');
    return new DataValidationBuilderFake(this.ctx);
  }
}

import { Public } from '@dealwatch/platform';

import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';

const PUBLIC_DIR = join(__dirname, '..', 'public');
// The package exports only its module entry; the browser build sits beside it.
const CHART_JS = join(dirname(require.resolve('chart.js')), 'chart.umd.js');
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css' };
/** The page's modules and styles as they are in the folder, and Chart.js: nothing else is served. */
const ASSETS = new Map<string, { file: string; type: string }>([
  ...readdirSync(PUBLIC_DIR).flatMap((name) => {
    const type = TYPES[extname(name)];
    return type ? [[name, { file: join(PUBLIC_DIR, name), type }] as const] : [];
  }),
  ['chart.js', { file: CHART_JS, type: 'text/javascript' }],
]);

/**
 * The single page and its few assets, public: they hold no data. The page asks for an API key and
 * sends it with every call to `/api`.
 */
@Controller()
export class ConsolePageController {
  @Get()
  @Public()
  page(@Res() response: Response): void {
    response.type('text/html').sendFile(join(PUBLIC_DIR, 'index.html'));
  }

  @Get('assets/:name')
  @Public()
  asset(@Param('name') name: string, @Res() response: Response): void {
    const asset = ASSETS.get(name);
    if (!asset || !existsSync(asset.file)) throw new NotFoundException(`no asset ${name}`);
    response.type(asset.type).sendFile(asset.file);
  }
}

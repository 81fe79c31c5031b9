import { isBordering } from '../countries/partner-regions';
import { isRegionCode } from '../regions/regions';
import { CUSTOMS_PORTS, findCustomsPort, isCustomsPortCode, portsFacing, resolveCustomsPort } from './customs-ports';

describe('customs ports', () => {
  it.each([
    ['KHORGOS', 'KZ'],
    ['ALASHANKOU', 'KZ'],
    ['BAKETU', 'KZ'],
    ['JEMINAY', 'KZ'],
    ['DULATA', 'KZ'],
    ['TORUGART', 'KG'],
    ['IRKESHTAM', 'KG'],
    ['KARASU', 'TJ'],
    ['KHUNJERAB', 'PK'],
    ['TAKESHIKEN', 'MN'],
  ])('%s faces %s', (code, country) => {
    expect(findCustomsPort(code)?.facing).toBe(country);
  });

  it('land ports face a bordering country; airports face none', () => {
    CUSTOMS_PORTS.forEach((port) => {
      if (port.modes.includes('AIR')) expect(port.facing).toBeUndefined();
      else expect(isBordering(port.facing ?? '')).toBe(true);
    });
    expect(findCustomsPort('URUMQI-AIRPORT')?.modes).toEqual(['AIR']);
  });

  it('has unique upper-case codes and a known region for each port', () => {
    expect(new Set(CUSTOMS_PORTS.map((p) => p.code)).size).toBe(CUSTOMS_PORTS.length);
    CUSTOMS_PORTS.forEach((port) => {
      expect(port.code).toMatch(/^[A-Z]+(-[A-Z]+)*$/);
      expect(isRegionCode(port.regionCode)).toBe(true);
    });
  });

  it('lists the ports facing a neighbour', () => {
    expect(portsFacing('KG').map((p) => p.code)).toEqual(['TORUGART', 'IRKESHTAM']);
    expect(portsFacing('RU')).toEqual([]);
    expect(isCustomsPortCode('KHORGOS')).toBe(true);
    expect(isCustomsPortCode('khorgos')).toBe(false);
  });

  it('finds a port by its code or its name, in any case, with spaces, hyphens and underscores alike', () => {
    CUSTOMS_PORTS.forEach((port) => {
      for (const key of [port.code, port.name, port.nameZh, port.name.toLowerCase(), ` ${port.code.toLowerCase()} `]) {
        expect(resolveCustomsPort(key)).toBe(port.code);
      }
    });
    expect(resolveCustomsPort('Khorgos')).toBe('KHORGOS');
    expect(resolveCustomsPort('urumqi airport')).toBe('URUMQI-AIRPORT');
    expect(resolveCustomsPort('Kashgar_Airport')).toBe('KASHGAR-AIRPORT');
    expect(resolveCustomsPort('karasu (kulma pass)')).toBe('KARASU');
    expect(resolveCustomsPort('霍尔果斯')).toBe('KHORGOS');
    for (const value of ['TIANJIN', 'KHORGOSX', '-KHORGOS', '', 'toString', undefined, 8017]) expect(resolveCustomsPort(value)).toBeUndefined();
  });
});

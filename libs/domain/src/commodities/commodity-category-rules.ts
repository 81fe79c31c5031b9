import type { CommodityCategory } from './commodity-category';

export interface CommodityCategoryRule {
  /** HS prefixes (chapter, heading or subheading); a code belongs to the category when it starts with one. */
  readonly prefixes: readonly string[];
  readonly source: string;
}

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(2, '0'));
}

/**
 * Which HS codes carry which category. OTHER has no rule: it is given when nothing else matches.
 * HS 2022 codes; where HS 2022 renumbered a heading, the old number is kept too so that older
 * declarations still classify.
 */
export const COMMODITY_CATEGORY_RULES: Readonly<Record<Exclude<CommodityCategory, 'OTHER'>, CommodityCategoryRule>> = {
  AGRICULTURAL: {
    source: 'China customs statistics of agricultural products: HS chapters 01–24',
    prefixes: range(1, 24),
  },
  BUILDING_MATERIALS: {
    source:
      'Westgate selection of construction-material headings (stone, cement, ceramics, flat glass, ' +
      'structural steel and aluminium, builders\u2019 joinery and plastics) after the building-materials ' +
      'groupings of China customs statistics; there is no single official HS list',
    prefixes: [
      '2505', // natural sands
      '2515', // marble, travertine
      '2516', // granite, sandstone
      '2517', // pebbles, gravel, crushed stone
      '2520', // gypsum, plasters
      '2522', // quicklime, slaked lime
      '2523', // cement, cement clinker
      '3816', // refractory cements and mortars
      '3918', // floor coverings of plastics
      '3922', // baths, sinks, lavatory pans of plastics
      '3925', // builders' ware of plastics
      '4410', // particle board
      '4411', // fibreboard
      '4412', // plywood
      '4418', // builders' joinery and carpentry of wood
      '68', // articles of stone, plaster, cement, asbestos, mica
      '6901', '6902', '6903', '6904', '6905', '6906', '6907', '6910', // ceramic bricks, tiles, pipes, sanitary ware
      '7003', '7004', '7005', // cast, drawn and float glass
      '7007', '7008', // safety glass, insulating glazing units
      '7016', // glass paving blocks and bricks
      '7213', '7214', '7216', // steel bars, rods (rebar), angles and sections
      '7308', // structures of iron or steel
      '7610', // structures of aluminium
    ],
  },
  MECHANICAL_ELECTRICAL: {
    source:
      'MOFCOM / GACC definition of mechanical and electrical products (机电产品): HS chapters 84–91 in full; ' +
      'from chapters 82 and 92 the machine tooling and electric instruments. The official list has ' +
      'further metal-product subheadings of chapters 73–83 not reproduced here',
    prefixes: ['8207', '8208', '8209', '84', '85', '86', '87', '88', '89', '90', '91', '9207'],
  },
  HIGH_TECH: {
    source:
      'Headings and subheadings of the China high-tech products catalogue used by customs statistics ' +
      '(高新技术产品目录: computers and communications, electronics, optoelectronics, life sciences, ' +
      'computer-integrated manufacturing, aerospace, materials), approximated at 4/6-digit level; the ' +
      'official catalogue is at 8/10 digits',
    prefixes: [
      '8471', // automatic data-processing machines
      '847330', // parts of computers
      '8517', // telephone sets, network and communication apparatus
      '8525', // transmission apparatus, cameras
      '8526', // radar, radio navigation
      '852351', // solid-state non-volatile storage
      '8486', // machines for semiconductor and flat-panel manufacture
      '8541', // semiconductor devices, LEDs, photovoltaic cells
      '8542', // integrated circuits
      '8456', // machine tools working by laser, ultrasound, electro-discharge
      '845710', // machining centres
      '847950', // industrial robots
      '8802', // aircraft, spacecraft, launch vehicles
      '8806', // unmanned aircraft (HS 2022)
      '8807', '8803', // parts of aircraft (HS 2022; HS 2017 number)
      '900110', // optical fibres and bundles
      '901320', // lasers
      '9018', // medical, surgical, dental instruments
      '902150', // pacemakers
      '9022', // X-ray and radiation apparatus
      '9027', // instruments for physical or chemical analysis
      '9030', // oscilloscopes, instruments for electrical quantities
      '9031', // measuring and checking instruments n.e.s.
      '9032', // automatic regulating instruments
      '3002', // vaccines, blood fractions, cell cultures
      '3004', // medicaments in measured doses
      '3818', // doped chemical elements for electronics (wafers)
    ],
  },
  TEXTILES_LIGHT: {
    source:
      'China customs statistics grouping of labour-intensive products: textiles, apparel, footwear, ' +
      'headgear, luggage, furniture, toys, plastic articles and miscellaneous manufactures',
    prefixes: ['3924', '3926', '42', ...range(50, 67), '94', '95', '96'],
  },
  CRUDE_OIL: {
    source: 'HS 2709: petroleum oils and oils from bituminous minerals, crude',
    prefixes: ['2709'],
  },
  IRON_ORE: {
    source: 'HS 2601: iron ores and concentrates',
    prefixes: ['2601'],
  },
  ENERGY_BULK: {
    source: 'HS chapter 27 (headings 2701–2716): coal, coke, crude and refined oil, natural gas (2711), electricity',
    prefixes: ['27'],
  },
  NEW_MATERIALS: {
    source:
      'Westgate selection after the new-materials field of the Strategic Emerging Industries ' +
      'Classification (国家统计局 2018): silicon, rare earths, graphite, wafers, engineering plastics, ' +
      'carbon fibre, rare and minor metals',
    prefixes: [
      '280461', '280469', // silicon
      '280530', // rare-earth metals, scandium, yttrium
      '2846', // compounds of rare-earth metals
      '3801', // artificial graphite
      '3818', // doped chemical elements for electronics
      '3907', // polycarbonates, epoxide resins, polyesters
      '681511', '681512', '681513', '681519', // carbon fibres and articles (HS 2022)
      '81', // tungsten, molybdenum, tantalum, magnesium, cobalt, titanium, zirconium, gallium, germanium … and cermets
    ],
  },
};

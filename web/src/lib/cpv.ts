// The Common Procurement Vocabulary (CPV 2008, Regulation (EC) No 213/2008) codes a tender for SOC
// tooling is most often classified under, with the vocabulary's English labels. A code not listed
// here is still a valid code; the console then shows it without a label.

const LABELS: Record<string, string> = {
  '30200000': 'Computer equipment and supplies',
  '30210000': 'Data-processing machines (hardware)',
  '32400000': 'Networks',
  '32420000': 'Network equipment',
  '48000000': 'Software package and information systems',
  '48200000': 'Networking, Internet and intranet software package',
  '48210000': 'Networking software package',
  '48600000': 'Database and operating software package',
  '48700000': 'Software package utilities',
  '48710000': 'Backup or recovery software package',
  '48730000': 'Security software package',
  '48731000': 'File security software package',
  '48732000': 'Data security software package',
  '48760000': 'Virus protection software package',
  '48761000': 'Anti-virus software package',
  '48780000': 'System, storage and content management software package',
  '48781000': 'System management software package',
  '48800000': 'Information systems and servers',
  '48820000': 'Servers',
  '72000000': 'IT services: consulting, software development, Internet and support',
  '72200000': 'Software programming and consultancy services',
  '72212730': 'Security software development services',
  '72212731': 'File security software development services',
  '72212732': 'Data security software development services',
  '72222300': 'Information technology services',
  '72250000': 'System and support services',
  '72253000': 'Helpdesk and support services',
  '72300000': 'Data services',
  '72316000': 'Data analysis services',
  '72500000': 'Computer-related services',
  '72590000': 'Computer-related professional services',
  '72600000': 'Computer support and consultancy services',
  '72611000': 'Technical computer support services',
  '72700000': 'Computer network services',
  '72710000': 'Local area network services',
  '72720000': 'Wide area network services',
  '79417000': 'Safety consultancy services',
  '79714000': 'Surveillance services',
  '80533100': 'Computer training services',
};

/** A CPV code as the API takes it: eight digits, optionally with the check digit (`48730000-4`). */
export const isCpvCode = (code: string) => /^[0-9]{8}(-[0-9])?$/.test(code);

/** The vocabulary's English label of a code, when the console knows it. */
export const cpvLabel = (code: string): string | undefined => LABELS[code.slice(0, 8)];

/** The codes the console knows, for suggestions while typing. */
export const knownCpvCodes = (): [string, string][] => Object.entries(LABELS);

/** The codes typed in one field, separated by commas, semicolons or spaces. */
export const splitCodes = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

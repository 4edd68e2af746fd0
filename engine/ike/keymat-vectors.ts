import { hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Test vectors from the strongSwan IKEv1 reference exchange (reference data
 * `strongswan-ikev1/`: charon.log and exchange.pcap): two strongSwan 5.9.8 charon daemons,
 * main mode with AES-CBC-128, SHA-1 and MODP 1024, PSK "interop-test-psk", then quick mode
 * for ESP AES-CBC-128 + HMAC-SHA1-96 without PFS, then two informational deletes.
 * Values marked "log" are charon's hex dumps; values marked "frame N" were cut once by hand
 * from that frame of the capture (ISAKMP on UDP 4500 after the 4-byte non-ESP marker; the
 * encrypted bodies are everything after the 28-byte ISAKMP header).
 */
function hex(text: string): Uint8Array {
  return hexToBytes(text.replace(/\s+/g, ''));
}

export const STRONGSWAN_PHASE1 = {
  preSharedKey: utf8ToBytes('interop-test-psk'),
  /** Header of every message. */
  initiatorCookie: hex('fa106bd57c0fd683'),
  responderCookie: hex('37fceca19d65d55e'),
  /** frame 3 (MM3) KE payload body; also bytes 0-127 of the log's "HASH_I data". */
  initiatorPublic: hex(`
    974c0caa60e3ade0ff11dcd9b660e38157702dd0e73c0db10313a990b491579f
    772497299e3606d56561bcae23d8b43d9576e3dd75676b15548addec747bbed2
    b7c0125f55babac403885ee33a7d2508599bb1c5f5efa871262d59ca1693f9cb
    bec901297876452cef4dc0785cd9c4c39ee7ae4711cfda1270d7e9b1bd3838ef`),
  /** frame 4 (MM4) KE payload body; also bytes 128-255 of "HASH_I data". */
  responderPublic: hex(`
    0eef73c0d011c82f23a6589f51abc1f752cd4ec6976cd4d5eac70bab8f40d4bb
    59d69979898d409a382f4c9234c12043f365bd53b171615c7d98b85f8464b68b
    28b142a4a9ee7bb099e5a74083b1f65c537f91ead63b48f582463a61a42c5403
    5757f1bcf92fa06037f37b5afa7feaecec437db41afda53f09cd8385e3cca348`),
  /** frame 3 (MM3) nonce payload body: Ni_b. */
  initiatorNonce: hex('80a4794fa7ddf1dbe4685a473f5963d854fb949df66919b095fcd031272e035e'),
  /** frame 4 (MM4) nonce payload body: Nr_b. */
  responderNonce: hex('1b4f39b18a889b0a3dd21ed1f5c32c22f91c3b64430ce03613cb94e1d595d1cb'),
  /** log: "shared Diffie Hellman secret". */
  sharedSecret: hex(`
    B9558939648C7CFBCAF825876F794839 8881149B236FFE5D70A58F9BF421140C
    90C2AC99C1D2F3492C1C23374298F6D1 DDAC2EDD4376D3DCA2311C3DC5EF9374
    34084FB35ED47430043AAFF72DD38140 FF63A453DB7CF468B34C99C82177191E
    49BD28C7B285A2910F85B30F4113E747 2D497DFFA411F77757675E0262D40A71`),
  /** log: bytes 272-355 of "HASH_I data" (= frame 1's SA payload body). */
  initiatorSaBody: hex(`
    00000001 00000001 0000004C 01010002 03000024 01010000 80010007 800E0080
    80020002 80040002 80030001 800B0001 800C3DE0 00000020 02010000 80010005
    80020002 80040002 80030001 800B0001 800C3DE0`),
  /** log: the last 8 bytes of "HASH_I data" (ID_IPV4_ADDR 192.0.2.1) and of "HASH_R data". */
  initiatorIdBody: hex('01000000 C0000201'),
  responderIdBody: hex('01000000 C0000202'),
  /** AES-CBC-128: 16-byte Ka and block. */
  encryptionKeyLength: 16,
  blockSize: 16,
} as const;

/** log: what both daemons derived. */
export const STRONGSWAN_PHASE1_EXPECTED = {
  skeyid: hex('85BB02D87D828830816B4BFB91A5DC188FC88655'),
  skeyidD: hex('D8E2B402CF5E80BDB649DC5AF1C4800C2E38253F'),
  skeyidA: hex('F53C09937A2EC30E1F9FDE64F59BE271A87CE674'),
  skeyidE: hex('784FF5FECD52648681E314638153C8BF1D6013E0'),
  encryptionKey: hex('784FF5FECD52648681E314638153C8BF'),
  initialIv: hex('D2D2CC4696A27A7E6FC91B4B2FB39D0F'),
  hashI: hex('EEF825853082CB90AA8F44EAD4E0C09EA82D2C1F'),
  hashR: hex('5D2FF4FC5E71B3537CD1E8F7CFCCDE7619E016F9'),
} as const;

export interface EncryptedMessage {
  readonly frame: number;
  readonly messageId: number;
  /** Everything after the ISAKMP header, as captured. */
  readonly body: Uint8Array;
  /** Its last ciphertext block; charon logs it as "next IV for MID ..." for MM5 to QM3. */
  readonly nextIv: Uint8Array;
}

export const STRONGSWAN_MM5: EncryptedMessage = {
  frame: 5,
  messageId: 0,
  body: hex(`
    81e822bebf597b5a59e622aa61c434d005034b2037c9834919b4d02c4268e367
    a444d18ce5b7e36e9a0969c53303ce9077960d65acc571e0c18758099c0b8b2b
    acfc93a562b74e011e99993dbccc0c45`),
  nextIv: hex('ACFC93A562B74E011E99993DBCCC0C45'),
};

export const STRONGSWAN_MM6: EncryptedMessage = {
  frame: 6,
  messageId: 0,
  body: hex(`
    c604dfe9da00788e574a221f31cf0325d09fc584e65bd444f5a54c57a62abfff
    2dc4789b9982ea4e6cde0802687d8886`),
  nextIv: hex('2DC4789B9982EA4E6CDE0802687D8886'),
};

/** Quick mode message id 2783743328 (0xa5ec8d60). */
const QUICK_MODE_ID = 2783743328;

export const STRONGSWAN_QUICK_MODE = {
  messageId: QUICK_MODE_ID,
  /** log: the first "next IV for MID 2783743328", before QM1. */
  firstIv: hex('3386C8B920B648C62C6189571FB24D0F'),
  messages: [
    {
      frame: 7,
      messageId: QUICK_MODE_ID,
      body: hex(`
        6a6e58104e81017f04cc388cd9093d56c3d4361ff7be791b3ccc9b52d24056ea
        7ab91d2a41387a862101cdf1d4eb088db324857f1c92c15d3fa70534bba58795
        614846047f5c72aff18a5ce6da1abde528660221312bedd2956c9227d857048b
        26f6ac69fb0013da01c4dd34908e0bc08af19e1a42d58ad712c96e803af0ae74
        6515b6fc45adbaf9f050dfa79419ec379cc71fb83862075fd99e6413576f7223
        21144c24ca35c01ff96772ce0942fd4f`),
      nextIv: hex('21144C24CA35C01FF96772CE0942FD4F'),
    },
    {
      frame: 8,
      messageId: QUICK_MODE_ID,
      body: hex(`
        83f5dd42560a213f4fcbd28c8186b0596e653da244e93e77286ebe9de39524aa
        0bd00c9fbd991f5dc275e9959bad52b93757e4302ce72e2c73ea8cdc72856625
        09b4db893a827bd3a108beff4b3817872becd5726d2643f9db1b93325e72a91c
        5937d843a8589466af13227589ba3e254ba331fd5325f1e42bf5028cf5c04829
        9226aae7032ad33784eeee0d47f1947f`),
      nextIv: hex('9226AAE7032AD33784EEEE0D47F1947F'),
    },
    {
      frame: 9,
      messageId: QUICK_MODE_ID,
      body: hex('ecb2c3cefaad62c8115c2cc02d7eb36d4129c473fa038e3bd4a690d6ee0e46e8'),
      nextIv: hex('4129C473FA038E3BD4A690D6EE0E46E8'),
    },
  ] satisfies EncryptedMessage[],
  /** log: bytes 5-36 and 37-68 of "initiator SA seed" (protocol | SPI | Ni_b | Nr_b). */
  initiatorNonce: hex('079747D08E5E8321B0CA599BFAFA541E7F84043A02C8FE2708A07F0659B4F12A'),
  responderNonce: hex('172E42277EC0C488A60CB96FD74611724B6754823D663251D21E468339CF8DC3'),
  /** log: Hash(1), Hash(2), Hash(3). */
  hash1: hex('8A25B6CD4B407E77426E8E7DA40EBD11A4F7722E'),
  hash2: hex('055D09A088DB99A7B979C6E954A26B1161C49590'),
  hash3: hex('3D27AA4CD1A1C45D0CD28ADC9EB345B6B9D88579'),
} as const;

/** log: the ESP SAs and their keys (AES-CBC-128 key, then HMAC-SHA1-96 key). */
export const STRONGSWAN_ESP = {
  protocolId: 3,
  initiatorToResponder: {
    spi: 0x756a7d1e,
    encryptionKey: hex('6F972BFF75D1853EC2D69CCD0AECDA44'),
    integrityKey: hex('C0666D79774A82228FCBDE4F51F405F41A307391'),
  },
  responderToInitiator: {
    spi: 0xceac0247,
    encryptionKey: hex('062D833743F36BC83F05B4F4F8C5A2B7'),
    integrityKey: hex('C175A6819128C1E0DDC2CEF52C753BCA889D3943'),
  },
  encryptionKeyLength: 16,
  integrityKeyLength: 20,
} as const;

export interface InformationalVector extends EncryptedMessage {
  /** log: the "next IV" logged before the message: hash(last phase-1 block | M-ID). */
  readonly firstIv: Uint8Array;
  /** log: "Hash". */
  readonly hash: Uint8Array;
}

/** The two deletes: the ESP SA, then the IKE SA. */
export const STRONGSWAN_INFORMATIONAL: readonly InformationalVector[] = [
  {
    frame: 14,
    messageId: 2832428279,
    firstIv: hex('B1D4187787968F169A85583465922DAD'),
    body: hex(`
      17b88c300bf09b5ca79c3f7c5e9a954bf4854089806c8d486eb9eb97d8b00c65
      72621e724e7f17439d1dddf33fdf8e04`),
    nextIv: hex('72621e724e7f17439d1dddf33fdf8e04'),
    hash: hex('57FBF663B9FC2554F0AB8511CDDA42B8AF54889E'),
  },
  {
    frame: 15,
    messageId: 2654809306,
    firstIv: hex('2F6E18DA96C7269730DB7E7D421E256A'),
    body: hex(`
      cd82b1f9ef7c021f46ff5cddcc9681dc9f5e9575854f3c526bc2c44578169995
      3606089f305a9e9360bf6821e65797f88cd49a5ce51c725e476d2345c39e02f9`),
    nextIv: hex('8cd49a5ce51c725e476d2345c39e02f9'),
    hash: hex('07422491E89AECBC8B7B4110CC3E4BDE57E3CB4C'),
  },
];

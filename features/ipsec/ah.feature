Feature: AH alone and AH around ESP, as IOS 12.2 negotiates and carries them
  A transform set with ah-md5-hmac or ah-sha-hmac makes an AH SA pair: the packets are
  authenticated (RFC 2402, ICV over the immutable fields of the outer header) but not
  encrypted. With an ESP transform as well, quick mode agrees on one proposal of two parts,
  and each packet carries AH around ESP, each with its own SPI, sequence and replay window.

  Background:
    Given the lab "examples/static-tunnel"
    And I run "debug crypto isakmp" on "R2"
    And I run "debug crypto ipsec" on "R2"

  Scenario: AH alone authenticates the tunnel: digests and verifies, no encryption, AH SAs only
    When I configure "R1" with:
      """
      crypto ipsec transform-set ts ah-sha-hmac
      """
    And I configure "R2" with:
      """
      crypto ipsec transform-set ts ah-sha-hmac
      """
    And host "pc1" pings "pc2"
    Then the ping shows ".!!!!"
    When host "pc1" pings "pc2"
    Then the ping shows "!!!!!"
    When I run "show crypto ipsec sa" on "R1"
    Then the output contains "#pkts encaps: 9, #pkts encrypt: 0, #pkts digest 9"
    And the output contains "#pkts decaps: 9, #pkts decrypt: 0, #pkts verify 9"
    And the output contains "transform: ah-sha-hmac ,"
    And the output does not contain "transform: esp-"
    And the output does not contain "IV size"
    When I run "show crypto engine connections active" on "R1"
    Then the output matches:
      """
        ID Interface            IP-Address      State  Algorithm           Encrypt  Decrypt
         1 <none>               <none>          set    HMAC_SHA+DES_56_CB        0        0
      2000 FastEthernet0/0      192.168.12.1    set    HMAC_SHA                  0        9
      2001 FastEthernet0/0      192.168.12.1    set    HMAC_SHA                  9        0
      """
    And the debug log of "R2" contains in order:
      """
      ISAKMP (0:1): Checking IPsec proposal 1
      ISAKMP: transform 1, AH_SHA
      ISAKMP:      authenticator is HMAC-SHA
      ISAKMP (0:1): atts are acceptable.
      IPSEC(validate_proposal_request): proposal part #1,
      IPSEC(create_sa): sa created,
      """

  Scenario: AH around ESP: one proposal of two parts, four SAs, each packet authenticated and encrypted
    When I configure "R1" with:
      """
      crypto ipsec transform-set ts ah-md5-hmac esp-3des esp-sha-hmac
      """
    And I configure "R2" with:
      """
      crypto ipsec transform-set ts ah-md5-hmac esp-3des esp-sha-hmac
      """
    And host "pc1" pings "pc2"
    Then the ping shows ".!!!!"
    And the debug log of "R2" contains in order:
      """
      ISAKMP (0:1): Checking IPsec proposal 1
      ISAKMP: transform 1, AH_MD5
      ISAKMP (0:1): atts are acceptable.
      ISAKMP: transform 1, ESP_3DES
      ISAKMP (0:1): atts are acceptable.
      IPSEC(validate_proposal_request): proposal part #1,
      IPSEC(validate_proposal_request): proposal part #2,
      ISAKMP (0:1): asking for 2 spis from ipsec
      ISAKMP (0:1): Creating IPsec SAs
      """
    And the debug log of "R2" contains "protocol= AH, transform= ah-md5-hmac ,"
    And the debug log of "R2" contains "protocol= ESP, transform= esp-3des esp-sha-hmac ,"
    When I run "show crypto ipsec sa" on "R2"
    Then the output contains "#pkts encaps: 4, #pkts encrypt: 4, #pkts digest 4"
    And the output contains "transform: ah-md5-hmac ,"
    And the output contains "transform: esp-3des esp-sha-hmac ,"
    When I run "show crypto engine connections active" on "R2"
    Then the output matches:
      """
        ID Interface            IP-Address      State  Algorithm           Encrypt  Decrypt
         1 <none>               <none>          set    HMAC_SHA+DES_56_CB        0        0
      2000 FastEthernet0/0      192.168.12.2    set    HMAC_MD5                  0        4
      2001 FastEthernet0/0      192.168.12.2    set    HMAC_MD5                  4        0
      2002 FastEthernet0/0      192.168.12.2    set    HMAC_SHA+3DES_56_C        0        4
      2003 FastEthernet0/0      192.168.12.2    set    HMAC_SHA+3DES_56_C        4        0
      """
    When I run "clear crypto sa" on "R1"
    And 1 seconds pass
    Then the debug log of "R2" contains in order:
      """
      IPSEC(key_engine_delete_sas): delete SA with spi
      IPSEC(delete_sa): deleting SA,
      """
    When I run "show crypto engine connections active" on "R2"
    Then the output does not contain "2000"

  Scenario: A different AH algorithm at the responder refuses the bundle, its AH part named by its numbers
    Given I run "debug crypto isakmp" on "R1"
    When I configure "R1" with:
      """
      crypto ipsec transform-set ts ah-md5-hmac esp-des esp-md5-hmac
      """
    And I configure "R2" with:
      """
      crypto ipsec transform-set ts ah-sha-hmac esp-des esp-md5-hmac
      """
    And host "pc1" pings "pc2"
    Then the ping shows "....."
    And the debug log of "R2" contains in order:
      """
      ISAKMP: transform 1, AH_MD5
      validate proposal 0
      IPSEC(validate_proposal): transform proposal (prot 2, trans 2, hmac_alg 1) not supported
      ISAKMP (0:1): atts not acceptable. Next payload is 0
      ISAKMP (0:1): phase 2 SA not acceptable!
      """
    And the debug log of "R1" contains "processing NOTIFY PROPOSAL_NOT_CHOSEN protocol 2"

  Scenario: ESP alone at one end and AH around ESP at the other do not agree
    When I configure "R1" with:
      """
      crypto ipsec transform-set ts ah-md5-hmac esp-des esp-md5-hmac
      """
    And host "pc1" pings "pc2"
    Then the ping shows "....."
    And the debug log of "R2" contains "IPSEC(validate_proposal): transform proposal (prot 2, trans 2, hmac_alg 1) not supported"

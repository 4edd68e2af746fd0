Feature: A tunnel that cannot come up fails the way IOS 12.2 shows it
  Each scenario breaks one thing in the static tunnel between R1 and R2 and checks the SA
  state, the ping and the messages an engineer would read on the consoles.

  Background:
    Given the lab "examples/static-tunnel"
    And I run "debug crypto isakmp" on "R1"
    And I run "debug crypto ipsec" on "R1"
    And I run "debug crypto isakmp" on "R2"
    And I run "debug crypto ipsec" on "R2"

  Scenario: With a different pre-shared key the responder cannot read MM5, and the initiator gives up
    When I configure "R2" with:
      """
      no crypto isakmp key s3cret address 192.168.12.1
      crypto isakmp key wrong address 192.168.12.1
      """
    And host "pc1" pings "pc2"
    Then the ping shows "....."
    When I run "show crypto isakmp sa" on "R1"
    Then the output contains "192.168.12.2 192.168.12.1 MM_KEY_EXCH 1 0"
    And the debug log of "R2" contains "%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from 192.168.12.1 failed its sanity check or is malformed"
    And the debug log of "R1" does not contain "SA has been authenticated"
    When 60 seconds pass
    Then the debug log of "R1" contains in order:
      """
      ISAKMP (0:1): sending packet to 192.168.12.2 (I) MM_KEY_EXCH
      ISAKMP (0:1): retransmitting phase 1 MM_KEY_EXCH...
      ISAKMP (0:1): retransmitting phase 1 MM_KEY_EXCH...
      ISAKMP (0:1): deleting SA reason "death by retransmission P1" state (I) MM_KEY_EXCH (peer 192.168.12.2)
      """
    When I run "show crypto isakmp sa" on "R1"
    Then the output does not contain "MM_KEY_EXCH"

  Scenario: With no matching ISAKMP policy the responder accepts no offer
    When I configure "R1" with:
      """
      crypto isakmp policy 10
       encryption 3des
      """
    And host "pc1" pings "pc2"
    Then the ping shows "....."
    And the debug log of "R2" contains in order:
      """
      ISAKMP (0:1): Checking ISAKMP transform 1 against priority 10 policy
      ISAKMP: encryption 3DES-CBC
      ISAKMP (0:1): Encryption algorithm offered does not match policy!
      ISAKMP (0:1): atts not acceptable. Next payload is 0
      ISAKMP (0:1): no offers accepted!
      ISAKMP (0:1): phase 1 SA not acceptable!
      """
    And the debug log of "R1" does not contain "MM_SA_SETUP"
    When I run "show crypto isakmp sa" on "R2"
    Then the output does not contain "192.168.12.1"

  Scenario: With different transform sets quick mode finds no proposal
    When I configure "R2" with:
      """
      crypto ipsec transform-set ts esp-3des esp-sha-hmac
      """
    And host "pc1" pings "pc2"
    Then the ping shows "....."
    And the debug log of "R2" contains in order:
      """
      ISAKMP (0:1): Checking IPsec proposal 1
      ISAKMP: transform 1, ESP_DES
      validate proposal 0
      IPSEC(validate_proposal): transform proposal (prot 3, trans 2, hmac_alg 1) not supported
      ISAKMP (0:1): atts not acceptable. Next payload is 0
      ISAKMP (0:1): phase 2 SA not acceptable!
      %CRYPTO-6-IKMP_MODE_FAILURE: Processing of Quick mode failed with peer at 192.168.12.1
      """
    And the debug log of "R1" contains "processing NOTIFY PROPOSAL_NOT_CHOSEN protocol 3"
    When I run "show crypto isakmp sa" on "R1"
    Then the output contains "QM_IDLE"
    # The first echo started the negotiation; the four after it found it under way and count as send errors.
    When I run "show crypto ipsec sa" on "R1"
    Then the output contains "#pkts encaps: 0, #pkts encrypt: 0, #pkts digest 0"
    And the output contains "#send errors 4, #recv errors 0"

  Scenario: With crypto ACLs that do not mirror each other the responder refuses the proxies
    When I configure "R2" with:
      """
      no access-list 110
      access-list 110 permit ip 10.2.2.0 0.0.0.255 10.9.9.0 0.0.0.255
      """
    And host "pc1" pings "pc2"
    Then the ping shows "....."
    And the debug log of "R2" contains in order:
      """
      ISAKMP (0:1): atts are acceptable.
      IPSEC(validate_proposal_request): proposal part #1,
      IPSEC(validate_proposal_request): proxy identities not supported
      ISAKMP (0:1): phase 2 SA not acceptable!
      """
    And the debug log of "R1" contains "ISAKMP (0:1): SA has been authenticated with 192.168.12.2"
    And the debug log of "R1" does not contain "Creating IPsec SAs"

  # The set pfs command reference: a router without set pfs accepts any PFS offer; one with set pfs requires it.
  Scenario: With PFS on the initiator only, the responder accepts the offer and both ends run PFS in its group
    When I configure "R1" with:
      """
      crypto map vpn 10
       set pfs group2
      """
    And host "pc1" pings "pc2"
    Then the ping shows ".!!!!"
    And the debug log of "R2" contains in order:
      """
      ISAKMP (0:1): Checking IPsec proposal 1
      ISAKMP:      group is 2
      ISAKMP (0:1): atts are acceptable.
      ISAKMP (0:1): processing KE payload. message ID =
      ISAKMP (0:1): Creating IPsec SAs
      """

  Scenario: With PFS on the responder only quick mode is refused
    When I configure "R2" with:
      """
      crypto map vpn 10
       set pfs group2
      """
    And host "pc1" pings "pc2"
    Then the ping shows "....."
    And the debug log of "R2" contains in order:
      """
      ISAKMP (0:1): Checking IPsec proposal 1
      IPSEC(validate_proposal): transform proposal (prot 3, trans 2, hmac_alg 1) not supported
      ISAKMP (0:1): phase 2 SA not acceptable!
      """
    And the debug log of "R1" contains in order:
      """
      ISAKMP (0:1): beginning Quick Mode exchange, M-ID of
      ISAKMP (0:1): processing NOTIFY PROPOSAL_NOT_CHOSEN protocol 3
      """
    And the debug log of "R1" does not contain "Creating IPsec SAs"

  Scenario: set pfs without a group takes a group2 offer; set pfs group5 refuses it
    When I configure "R1" with:
      """
      crypto map vpn 10
       set pfs group2
      """
    And I configure "R2" with:
      """
      crypto map vpn 10
       set pfs
      """
    And host "pc1" pings "pc2"
    Then the ping shows ".!!!!"
    When I configure "R2" with:
      """
      crypto map vpn 10
       set pfs group5
      """
    And I run "clear crypto sa" on "R1"
    And I run "clear crypto sa" on "R2"
    And 1 seconds pass
    And host "pc1" pings "pc2"
    Then the ping shows "....."
    And the debug log of "R2" contains "phase 2 SA not acceptable!"

  Scenario: With an unreachable peer main mode never gets an answer
    When I configure "R1" with:
      """
      crypto map vpn 10
       no set peer 192.168.12.2
       set peer 192.168.12.9
      """
    And host "pc1" pings "pc2"
    Then the ping shows "....."
    When I run "show crypto isakmp sa" on "R1"
    Then the output contains "192.168.12.9 192.168.12.1 MM_NO_STATE 1 0"
    When 60 seconds pass
    Then the debug log of "R1" contains in order:
      """
      ISAKMP (0:1): sending packet to 192.168.12.9 (I) MM_NO_STATE
      ISAKMP (0:1): retransmitting phase 1 MM_NO_STATE...
      ISAKMP (0:1): deleting SA reason "death by retransmission P1" state (I) MM_NO_STATE (peer 192.168.12.9)
      """

  Scenario: 30 seconds before the IPsec lifetime runs out the initiator renegotiates one new pair, and traffic goes on
    When host "pc1" pings "pc2"
    Then the ping shows ".!!!!"
    When 3600 seconds pass
    Then the debug log of "R1" contains in order:
      """
      ISAKMP (0:1): beginning Quick Mode exchange, M-ID of
      ISAKMP (0:1): Creating IPsec SAs
      IPSEC(sa_aging): lifetime expiring,
      ISAKMP (0:1): Creating IPsec SAs
      IPSEC(delete_sa): deleting SA,
      """
    When host "pc1" pings "pc2"
    Then the ping shows "!!!!!"
    When I run "show crypto isakmp sa" on "R1"
    Then the output contains "QM_IDLE 1 0"
    When I run "show crypto engine connections active" on "R2"
    Then the output matches:
      """
        ID Interface            IP-Address      State  Algorithm           Encrypt  Decrypt
         1 <none>               <none>          set    HMAC_SHA+DES_56_CB        0        0
      2002 FastEthernet0/0      192.168.12.2    set    HMAC_MD5+DES_56_CB        0        5
      2003 FastEthernet0/0      192.168.12.2    set    HMAC_MD5+DES_56_CB        5        0
      """

  Scenario: A malformed ISAKMP datagram is dropped and logged, and the tunnel still comes up
    When host "pc1" sends the UDP datagram "0102030405060708 0000000000000000 01 10 02 00 00000000 0000001c" from port 500 to "192.168.12.2" port 500
    And host "pc1" sends the UDP datagram "deadbeef" from port 500 to "192.168.12.2" port 500
    And 1 seconds pass
    Then the debug log of "R2" contains "%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from 10.1.1.10 failed its sanity check or is malformed"
    When host "pc1" pings "pc2"
    Then the ping shows ".!!!!"
    When I run "show crypto isakmp sa" on "R2"
    Then the output contains "192.168.12.2 192.168.12.1 QM_IDLE 1 0"

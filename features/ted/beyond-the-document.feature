Feature: TED beyond the document: many sites on one template, and what happens when discovery cannot succeed
  Every router below carries the same TED configuration as the document (a dynamic crypto map
  with `discover`, a wildcard pre-shared key, an ACL from its LAN to 10.0.0.0/8) and no peer is
  configured anywhere: each pair of sites that exchanges traffic discovers the other and builds
  its own tunnel.

  Scenario: In a full mesh of four sites every pair that talks builds its own tunnel, and only those pairs
    Given the lab "examples/ted-mesh"
    When host "pc-a" pings "pc-b"
    Then the ping shows ".!!!!"
    When host "pc-a" pings "pc-c"
    Then the ping shows ".!!!!"
    When host "pc-b" pings "pc-d"
    Then the ping shows ".!!!!"
    When host "pc-c" pings "pc-d"
    Then the ping shows ".!!!!"
    When host "pc-a" pings "pc-b"
    Then the ping shows "!!!!!"
    When I run "show crypto isakmp sa" on "A"
    Then the output matches:
      """
      dst             src             state          conn-id slot
      192.168.0.2     192.168.0.1     QM_IDLE              2    0
      192.168.0.3     192.168.0.1     QM_IDLE              4    0
      """
    When I run "show crypto isakmp sa" on "D"
    Then the output matches:
      """
      dst             src             state          conn-id slot
      192.168.0.4     192.168.0.2     QM_IDLE              2    0
      192.168.0.4     192.168.0.3     QM_IDLE              4    0
      """
    When I run "show crypto map" on "A"
    Then the output contains "Peer = 192.168.0.2"
    And the output contains "access-list permit ip 10.1.0.0 0.0.0.255 10.2.0.0 0.0.0.255"
    And the output contains "Peer = 192.168.0.3"
    And the output contains "access-list permit ip 10.1.0.0 0.0.0.255 10.3.0.0 0.0.0.255"
    And the output does not contain "Peer = 192.168.0.4"

  Scenario: A hub and three spokes: each spoke finds the hub, and two spokes find each other through it
    Given the lab "examples/ted-hub"
    When host "pc-spoke1" pings "pc-hub"
    Then the ping shows ".!!!!"
    When host "pc-spoke2" pings "pc-hub"
    Then the ping shows ".!!!!"
    When host "pc-spoke3" pings "pc-hub"
    Then the ping shows ".!!!!"
    When host "pc-spoke1" pings "pc-spoke2"
    Then the ping shows ".!!!!"
    When host "pc-spoke1" pings "pc-spoke2"
    Then the ping shows "!!!!!"
    When I run "show crypto isakmp sa" on "Hub"
    Then the output matches:
      """
      dst             src             state          conn-id slot
      192.168.0.1     192.168.0.2     QM_IDLE              2    0
      192.168.0.1     192.168.0.3     QM_IDLE              4    0
      192.168.0.1     192.168.0.4     QM_IDLE              6    0
      """
    When I run "show crypto isakmp sa" on "Spoke1"
    Then the output contains "192.168.0.3 192.168.0.2 QM_IDLE 4 0"
    When I run "show crypto isakmp sa" on "Spoke3"
    Then the output does not contain "192.168.0.2"

  Scenario: A plain router between the two sites forwards the probe, IKE and ESP like any other traffic
    Given the lab "examples/ted-transit"
    And I run "debug crypto isakmp" on "Daphne"
    When host "pc-daphne" pings "pc-fred"
    Then the ping shows ".!!!!"
    And the debug log of "Daphne" contains in order:
      """
      ISAKMP (0:1): sending packet to 12.12.12.13 (I) PEER_DISCOVERY via FastEthernet0/0:11.11.11.2
      ISAKMP (0:1): received packet from 11.11.22.1 (I) PEER_DISCOVERY
      ISAKMP (0:1): initiating IKE to 11.11.22.1 in response to probe.
      ISAKMP (0:2): sending packet to 11.11.22.1 (I) MM_NO_STATE
      """
    When I run "show crypto isakmp sa" on "Daphne"
    Then the output contains "11.11.22.1 11.11.11.1 QM_IDLE 2 0"
    When I run "show crypto isakmp sa" on "transit"
    Then the output does not contain "QM_IDLE"

  Scenario: With no TED responder the probe is retransmitted, then given up, and no tunnel comes up
    Given the lab "ted-doc"
    And I configure "fred" with:
      """
      interface FastEthernet0/0
       no crypto map tedtag
      """
    And I run "debug crypto isakmp" on "Daphne"
    When host "13.13.13.14" pings "12.12.12.13"
    Then the ping shows "....."
    When 60 seconds pass
    Then the debug log of "Daphne" contains in order:
      """
      ISAKMP (0:1): beginning peer discovery exchange
      ISAKMP (0:1): sending packet to 12.12.12.13 (I) PEER_DISCOVERY via FastEthernet0/0:11.11.11.2
      ISAKMP (0:1): retransmitting phase 1 PEER_DISCOVERY...
      ISAKMP (0:1): retransmitting phase 1 PEER_DISCOVERY...
      ISAKMP (0:1): deleting SA reason "death by retransmission P1" state (I) PEER_DISCOVERY (peer 12.12.12.13)
      """
    And the debug log of "Daphne" does not contain "received response to my peer discovery probe"
    When I run "show crypto isakmp sa" on "Daphne"
    Then the output does not contain "11.11.11.2"

  Scenario: With the destination host down its gateway still answers the probe: the tunnel comes up, the echoes go unanswered
    Given the lab "ted-doc"
    When host "13.13.13.14" pings "12.12.12.99"
    Then the ping shows "....."
    When I run "show crypto isakmp sa" on "Daphne"
    Then the output contains "11.11.11.2 11.11.11.1 QM_IDLE 2 0"
    When I run "show crypto ipsec sa" on "Daphne"
    Then the output contains "#pkts encaps: 4, #pkts encrypt: 4, #pkts digest 4"
    And the output contains "#pkts decaps: 0, #pkts decrypt: 0, #pkts verify 0"

  Scenario: After clear crypto sa and clear crypto isakmp the next packet discovers the peer again
    Given the lab "ted-doc"
    When host "13.13.13.14" pings "12.12.12.13"
    Then the ping shows ".!!!!"
    When I run "debug crypto isakmp" on "Daphne"
    And I run "clear crypto sa" on "Daphne"
    And I run "clear crypto isakmp" on "Daphne"
    And 1 seconds pass
    And I run "show crypto map" on "Daphne"
    Then the output does not contain "dynamic (created from dynamic map ted-map/10)"
    When host "13.13.13.14" pings "12.12.12.13"
    Then the ping shows ".!!!!"
    And the debug log of "Daphne" contains in order:
      """
      ISAKMP (0:3): beginning peer discovery exchange
      ISAKMP (0:3): received response to my peer discovery probe!
      ISAKMP (0:4): sending packet to 11.11.11.2 (I) MM_NO_STATE
      """
    When I run "show crypto isakmp sa" on "Daphne"
    Then the output contains "11.11.11.2 11.11.11.1 QM_IDLE 4 0"

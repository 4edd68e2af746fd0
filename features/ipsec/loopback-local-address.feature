Feature: A crypto map speaks from a Loopback address (crypto map local-address)
  With `crypto map vpn local-address Loopback0`, IKE and ESP use the Loopback's address as the
  local end of the map's SAs, whichever interface the map is applied to (12.2 Security Command
  Reference, "crypto map local-address"). Each router reaches the other's Loopback by a static route.

  Background:
    Given the lab "examples/loopback-tunnel"

  Scenario: The tunnel comes up between the Loopback addresses
    When host "pc1" pings "pc2"
    Then the ping shows ".!!!!"
    When host "pc1" pings "pc2"
    Then the ping shows "!!!!!"
    When I run "show crypto isakmp sa" on "R1"
    Then the output matches:
      """
      dst             src             state          conn-id slot
      2.2.2.2         1.1.1.1         QM_IDLE              1    0
      """
    When I run "show crypto ipsec sa" on "R2"
    Then the output contains "Crypto map tag: vpn, local addr. 2.2.2.2"
    And the output contains "local crypto endpt.: 2.2.2.2, remote crypto endpt.: 1.1.1.1"
    And the output contains "#pkts decaps: 9, #pkts decrypt: 9, #pkts verify 9"

  Scenario: A router pings the other's Loopback, and the Loopback shows up in the brief
    When I run "ping 2.2.2.2" on "R1"
    Then the output contains "!!!!!"
    When I run "show ip interface brief" on "R1"
    Then the output contains "Loopback0 1.1.1.1 YES NVRAM up up"

  # Where the line stands is unconfirmed for 12.2 (TEXT-SOURCES.md, "Loopbacks, WIC serial ports").
  Scenario: The running configuration writes the local address just before the map's entries (placement unconfirmed)
    When I run "show running-config | include crypto map" on "R1"
    Then the output matches:
      """
      crypto map vpn local-address Loopback0
      crypto map vpn 10 ipsec-isakmp
       crypto map vpn
      """
    When I configure "R1" with:
      """
      no crypto map vpn local-address
      """
    And I run "show running-config" on "R1"
    Then the output does not contain "local-address"

  Scenario: Without the local address, the map speaks from its own interface and the peer refuses it
    When I configure "R1" with:
      """
      no crypto map vpn local-address
      """
    And host "pc1" pings "pc2"
    Then the ping shows "....."
    When I run "show crypto isakmp sa" on "R2"
    Then the output does not contain "QM_IDLE"

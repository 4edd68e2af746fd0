Feature: Neighbours resolve with ARP, as on Ethernet
  The FastEthernet links carry Ethernet frames. A router finds a neighbour's MAC with ARP: the
  packet that needs the answer is dropped while it asks, so the first ping to a new neighbour
  shows ".!!!!"; a PC keeps the packet until the answer comes. A lab starts as a network that has
  been running: every router and PC already knows the neighbours of its subnet.

  Background:
    Given the lab "ted-doc"

  Scenario: show arp lists the router's own addresses without age and the neighbours it knows
    When I run "show arp" on "Daphne"
    Then the output matches:
      """
      Protocol  Address          Age (min)  Hardware Addr   Type   Interface
      Internet  11.11.11.1              -   0003.6bfc.1770  ARPA   FastEthernet0/0
      Internet  11.11.11.2              0   0003.6bb3.ed40  ARPA   FastEthernet0/0
      Internet  13.13.13.13             -   0003.6bfc.1771  ARPA   FastEthernet0/1
      Internet  13.13.13.14             0   000c.29ea.6f79  ARPA   FastEthernet0/1
      """
    When 600 seconds pass
    And I run "show ip arp FastEthernet0/0" on "Daphne"
    Then the output matches:
      """
      Protocol  Address          Age (min)  Hardware Addr   Type   Interface
      Internet  11.11.11.1              -   0003.6bfc.1770  ARPA   FastEthernet0/0
      Internet  11.11.11.2             10   0003.6bb3.ed40  ARPA   FastEthernet0/0
      """

  Scenario: After clear arp-cache the first echo to a neighbour is lost while the router asks for it
    When I run "clear arp-cache" on "Daphne"
    And I run "show ip arp 11.11.11.2" on "Daphne"
    Then the output does not contain "11.11.11.2"
    When I run "ping 11.11.11.2" on "Daphne"
    Then the output contains ".!!!!"
    When I run "ping 11.11.11.2" on "Daphne"
    Then the output contains "!!!!!"
    When I run "show ip arp 11.11.11.2" on "Daphne"
    Then the output contains "Internet 11.11.11.2 0 0003.6bb3.ed40 ARPA FastEthernet0/0"

  Scenario: A neighbour that never answers stays Incomplete and every echo is lost
    When I run "ping 11.11.11.9" on "Daphne"
    Then the output contains "....."
    When I run "show ip arp" on "Daphne"
    Then the output contains "Internet 11.11.11.9 0 Incomplete ARPA"

  Scenario: A router that forgot both neighbours loses the first echo on the way out and the second one's reply on the way back
    Given I configure "Daphne" with:
      """
      interface FastEthernet0/0
       no crypto map tedtag
      """
    And I configure "fred" with:
      """
      interface FastEthernet0/0
       no crypto map tedtag
      """
    When I run "clear arp-cache" on "Daphne"
    And host "13.13.13.14" pings "12.12.12.13"
    Then the ping shows "..!!!"

  Scenario: A PC keeps its packet while it asks, so a lab cabled late loses no echo
    Given the lab:
      """
      routers:
        R1:
          model: c2600
          config: |
            hostname R1
            interface FastEthernet0/0
             ip address 10.1.1.1 255.255.255.0
      hosts:
        pc1: { address: 10.1.1.10/24, gateway: 10.1.1.1 }
      links:
        lan: { ends: [R1 Fa0/0, pc1], up: false }
      """
    When the link "lan" comes up
    And host "pc1" pings "10.1.1.1"
    Then the ping shows "!!!!!"
    When I run "show arp" on "R1"
    Then the output contains "Internet 10.1.1.10 0 000c.29"

  Scenario: Proxy ARP answers a PC that ARPs for a remote address, until it is turned off
    Given the lab:
      """
      routers:
        R1:
          model: c2600
          config: |
            hostname R1
            interface FastEthernet0/0
             ip address 10.1.1.1 255.255.255.0
            interface FastEthernet0/1
             ip address 10.2.2.1 255.255.255.0
      hosts:
        pc1: { address: 10.1.1.10/8 }
        pc2: { address: 10.2.2.10/24, gateway: 10.2.2.1 }
      links:
        lan1: [R1 Fa0/0, pc1]
        lan2: [R1 Fa0/1, pc2]
      """
    When I configure "R1" with:
      """
      interface FastEthernet0/0
       no ip proxy-arp
      """
    And host "pc1" pings "10.2.2.10"
    Then the ping shows "....."
    When I configure "R1" with:
      """
      interface FastEthernet0/0
       ip proxy-arp
      """
    And host "pc1" pings "10.2.2.10"
    Then the ping shows "!!!!!"
    When I run "show running-config interface FastEthernet0/0" on "R1"
    Then the output does not contain "proxy-arp"
